import type { MessageKey } from './en';

/** Textes en français. Chaque clé existe aussi dans `en.ts` ; un test garde les deux alignés. */
export const fr: Record<MessageKey, string> = {
  'home.greeting': 'Bienvenue sur Cocoom, <@{user}> !',
  'home.intro': 'Votre espace d’apprentissage Cocoom, directement dans Slack.',
  'page.error.title': 'Une erreur est survenue',
  'page.error.body': "Cocoom n'a pas pu traiter cette demande. Réessayez dans un instant.",
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
  'install.failure.slack_error': "Slack a refusé l'installation ({error}). Rien n'a été installé.",
  'install.failure.internal':
    "Cocoom n'a pas pu terminer l'installation de son côté. Rien n'a été installé ; réessayez dans un instant.",
  'install.failure.retry': "Recommencer l'installation",
  'sign_in.failure.title': "La connexion avec Slack n'a pas abouti",
  'sign_in.failure.cancelled': "La connexion a été annulée dans Slack. Vous n'êtes pas connecté·e.",
  'sign_in.failure.state':
    'Ce lien de connexion a expiré, a déjà servi ou a été ouvert dans un autre navigateur. ' +
    "Vous n'êtes pas connecté·e.",
  'sign_in.failure.slack': "Slack n'a pas pu confirmer votre identité. Vous n'êtes pas connecté·e.",
  'sign_in.failure.team':
    "Cet espace de travail Slack n'est pas relié à Cocoom. Demandez à votre administrateur " +
    'Cocoom de l’y ajouter, ou connectez-vous avec un autre espace de travail.',
  'sign_in.failure.email':
    "Votre adresse e-mail n'est pas vérifiée dans Slack. Vérifiez-la dans Slack, puis " +
    'reconnectez-vous.',
  'sign_in.failure.return_to':
    "Ce lien de connexion ne ramène pas à votre plateforme Cocoom. Vous n'êtes pas connecté·e.",
  'sign_in.failure.unavailable':
    "Cocoom n'a pas pu terminer votre connexion pour le moment. Réessayez dans un instant.",
  'sign_in.failure.retry': 'Se reconnecter avec Slack',
};
