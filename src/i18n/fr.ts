import type { MessageKey } from './en';

/** Textes en français. Chaque clé existe aussi dans `en.ts` ; un test garde les deux alignés. */
export const fr: Record<MessageKey, string> = {
  'home.greeting': 'Bienvenue sur Cocoom, <@{user}> !',
  'home.intro': 'Votre espace d’apprentissage Cocoom, directement dans Slack.',
  'page.title': 'Cocoom pour Slack',
  'install.success.title': 'Cocoom est installé',
  'install.success.body':
    'Cocoom est maintenant installé dans {team}. Vous pouvez fermer cette page et ouvrir Slack.',
  'install.success.open_slack': 'Ouvrir Slack',
  'install.failure.title': "L'installation n'a pas abouti",
  'install.failure.cancelled': "L'installation a été annulée dans Slack. Rien n'a été installé.",
  'install.failure.state':
    "Ce lien d'installation a expiré, a déjà servi ou a été ouvert dans un autre navigateur. " +
    "Rien n'a été installé.",
  'install.failure.slack': "Slack n'a pas confirmé l'installation. Rien n'a été installé.",
  'install.failure.retry': "Recommencer l'installation",
  'notification.open': 'Ouvrir dans Cocoom',
  'notification.digest.heading': '{count} nouvelles notifications : {category}',
  'notification.category.new_content': 'Nouveaux contenus',
  'notification.category.training_due': 'Rappels de formation',
  'notification.category.quiz': 'Quiz et défis',
  'notification.category.comment': 'Commentaires',
  'notification.category.mention': 'Mentions',
  'notification.category.achievement': 'Réussites',
  'notification.category.announcement': 'Annonces',
};
