/** English texts. Every key here exists in `fr.ts` too; a test keeps the two in step. */
export const en = {
  'home.greeting': 'Welcome to Cocoom, <@{user}>!',
  'home.intro': 'Your Cocoom learning space, right inside Slack.',
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
  'install.failure.retry': 'Start the installation again',
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
