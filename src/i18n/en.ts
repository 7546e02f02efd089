/** English texts. Every key here exists in `fr.ts` too; a test keeps the two in step. */
export const en = {
  'home.greeting': 'Welcome to Cocoom, <@{user}>!',
  'home.intro': 'Your Cocoom learning space, right inside Slack.',
  'page.error.title': 'Something went wrong',
  'page.error.body': 'Cocoom could not handle this request. Please try again in a moment.',
  'page.title': 'Cocoom for Slack',
  'install.success.title': 'Cocoom is installed',
  'install.success.body':
    'Cocoom is now installed in {team}. You can close this page and open Slack.',
  'install.success.open_slack': 'Open Slack',
  'install.failure.title': 'The installation did not finish',
  'install.failure.cancelled': 'The installation was cancelled in Slack. Nothing was installed.',
  'install.failure.state':
    'This installation link has expired or was already used, or it was opened in another ' +
    'browser. Nothing was installed.',
  'install.failure.slack': 'Slack did not confirm the installation. Nothing was installed.',
  'install.failure.slack_error': 'Slack refused the installation ({error}). Nothing was installed.',
  'install.failure.internal':
    'Cocoom could not finish the installation on its side. Nothing was installed; ' +
    'please try again in a moment.',
  'install.failure.retry': 'Start the installation again',
  'sign_in.failure.title': 'Signing in with Slack did not finish',
  'sign_in.failure.cancelled': 'Signing in was cancelled in Slack. You are not signed in.',
  'sign_in.failure.state':
    'This sign-in link has expired or was already used, or it was opened in another browser. ' +
    'You are not signed in.',
  'sign_in.failure.slack': 'Slack could not confirm who you are. You are not signed in.',
  'sign_in.failure.team':
    'This Slack workspace is not connected to Cocoom. Ask your Cocoom administrator to add ' +
    'Cocoom to it, or sign in with another workspace.',
  'sign_in.failure.email':
    'Your email address is not verified in Slack. Verify it in Slack, then sign in again.',
  'sign_in.failure.return_to':
    'This sign-in link does not lead back to your Cocoom platform. You are not signed in.',
  'sign_in.failure.unavailable':
    'Cocoom could not finish signing you in just now. Please try again in a moment.',
  'sign_in.failure.retry': 'Sign in with Slack again',
  'home.title': 'Your Cocoom home',
  'home.linked': 'Your Slack account is connected to Cocoom as *{email}*.',
  'home.unlinked':
    'Your Slack account is not connected to Cocoom yet. Connect it to receive your learning ' +
    'news here.',
  'home.connect': 'Connect to Cocoom',
  'home.open_cocoom': 'Open Cocoom',
  'home.notifications.title': 'Latest notifications',
  'home.notifications.empty': 'Nothing yet: what Cocoom tells you will show up here.',
  'home.notifications.unavailable': 'Your notifications cannot be shown right now.',
  'home.notifications.meta': '{category} · {time}',
  'home.notifications.open': 'Open',
  'home.preferences.title': 'Your preferences',
  'home.preferences.categories': '*Notifications*\nTick what you want to receive.',
  'home.preferences.quiet_on': '*Quiet hours*: from {start} to {end}, no notifications.',
  'home.preferences.quiet_off': '*Quiet hours*: off. Pick a start and an end to set them.',
  'home.preferences.quiet_need_end':
    '*Quiet hours*: not on yet. They start at {start}: pick an end to turn them on.',
  'home.preferences.quiet_need_start':
    '*Quiet hours*: not on yet. They end at {end}: pick a start to turn them on.',
  'home.preferences.quiet_same':
    '*Quiet hours*: not on, as they start and end at {time}. Pick two different times.',
  'home.preferences.quiet_start': 'Start',
  'home.preferences.quiet_end': 'End',
  'home.preferences.quiet_clear': 'Turn off quiet hours',
  'home.preferences.time_zone': 'Times are in your Slack time zone ({zone}).',
  'home.preferences.time_zone_unknown': 'Times are in your Slack time zone.',
  'home.preferences.digest_on': '*Digest*: on. You also receive a summary of your notifications.',
  'home.preferences.digest_off': '*Digest*: off.',
  'home.preferences.digest_turn_on': 'Turn on',
  'home.preferences.digest_turn_off': 'Turn off',
  'home.fallback.body':
    'Your Cocoom home cannot be shown right now. Close this tab and open it again in a moment.',
  'category.new_content': 'New content',
  'category.training_due': 'Training reminders',
  'category.quiz': 'Quizzes and challenges',
  'category.comment': 'Comments and replies',
  'category.mention': 'Mentions',
  'category.achievement': 'Badges and achievements',
  'category.announcement': 'Announcements',
  'welcome.text': 'Welcome to Cocoom! Your micro-learning now comes to Slack.',
  'welcome.body':
    'Hello <@{user}>! Cocoom tells you here about new content, training reminders, quizzes, ' +
    'comments, mentions and achievements from your Cocoom platform.',
  'welcome.home':
    'Open the *Home* tab of this app to connect your Cocoom account, see your latest ' +
    'notifications and choose what you receive.',
  'notification.open': 'Open in Cocoom',
  'notification.digest.heading': '{count} new notifications: {category}',
  'notification.category.new_content': 'New content',
  'notification.category.training_due': 'Training reminders',
  'notification.category.quiz': 'Quizzes and challenges',
  'notification.category.comment': 'Comments',
  'notification.category.mention': 'Mentions',
  'notification.category.achievement': 'Achievements',
  'notification.category.announcement': 'Announcements',
} as const;

/** A key of the text catalogues. */
export type MessageKey = keyof typeof en;
