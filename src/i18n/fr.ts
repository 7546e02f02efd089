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
  'install.failure.cancelled': "Installation annulée dans Slack. Rien n'a été installé.",
  'install.failure.state':
    "Ce lien d'installation a expiré, a déjà servi ou a été ouvert " +
    'dans un autre navigateur. ' +
    "Rien n'a été installé.",
  'install.failure.slack': "Slack n'a pas confirmé l'installation. Rien n'a été installé.",
  'install.failure.slack_error': "Slack a refusé l'installation ({error}). Rien n'est installé.",
  'install.failure.internal':
    "Cocoom n'a pas pu terminer l'installation de son côté. Rien n'a été installé ; " +
    'réessayez dans un instant.',
  'install.failure.retry': "Recommencer l'installation",
  'sign_in.failure.title': "La connexion avec Slack n'a pas abouti",
  'sign_in.failure.cancelled': "Connexion annulée dans Slack. Vous n'êtes pas connecté·e.",
  'sign_in.failure.state':
    'Ce lien de connexion a expiré, a déjà servi ou a été ouvert dans un autre navigateur. ' +
    "Vous n'êtes pas connecté·e.",
  'sign_in.failure.slack': "Slack n'a pu confirmer votre identité. Vous n'êtes pas connecté·e.",
  'sign_in.failure.team':
    "Cet espace de travail Slack n'est pas relié à Cocoom. Demandez à votre administrateur " +
    'Cocoom de l’y ajouter, ou connectez-vous avec un autre espace de travail.',
  'sign_in.failure.email':
    "Votre adresse e-mail n'est pas vérifiée dans Slack. Vérifiez-la dans Slack, puis " +
    'reconnectez-vous.',
  'sign_in.failure.return_to':
    'Ce lien de connexion ne ramène pas à votre plateforme Cocoom. ' +
    "Vous n'êtes pas connecté·e.",
  'sign_in.failure.unavailable':
    "Cocoom n'a pas pu terminer votre connexion pour le moment. Réessayez dans un instant.",
  'sign_in.failure.retry': 'Se reconnecter avec Slack',
  'home.title': 'Votre accueil Cocoom',
  'home.linked': 'Votre compte Slack est connecté à Cocoom en tant que *{email}*.',
  'home.unlinked':
    "Votre compte Slack n'est pas encore connecté à Cocoom. Connectez-le pour recevoir ici " +
    'les nouvelles de votre apprentissage.',
  'home.connect': 'Se connecter à Cocoom',
  'home.open_cocoom': 'Ouvrir Cocoom',
  'home.notifications.title': 'Dernières notifications',
  'home.notifications.empty': "Rien pour l'instant : ce que Cocoom vous dira apparaîtra ici.",
  'home.notifications.unavailable':
    'Vos notifications ne peuvent pas être affichées pour le moment.',
  'home.notifications.meta': '{category} · {time}',
  'home.notifications.open': 'Ouvrir',
  'home.preferences.title': 'Vos préférences',
  'home.preferences.categories': '*Notifications*\nCochez ce que vous voulez recevoir.',
  'home.preferences.quiet_on': '*Heures calmes* : de {start} à {end}, aucune notification.',
  'home.preferences.quiet_off':
    '*Heures calmes* : désactivées. Choisissez un début et une fin pour les activer.',
  'home.preferences.quiet_need_end':
    '*Heures calmes* : pas encore actives. Elles commencent à {start} : choisissez une fin ' +
    'pour les activer.',
  'home.preferences.quiet_need_start':
    '*Heures calmes* : pas encore actives. Elles finissent à {end} : choisissez un début ' +
    'pour les activer.',
  'home.preferences.quiet_same':
    '*Heures calmes* : inactives, car elles commencent et finissent à {time}. Choisissez ' +
    'deux heures différentes.',
  'home.preferences.quiet_start': 'Début',
  'home.preferences.quiet_end': 'Fin',
  'home.preferences.quiet_clear': 'Désactiver les heures calmes',
  'home.preferences.time_zone': 'Heures dans votre fuseau horaire Slack ({zone}).',
  'home.preferences.time_zone_unknown': 'Heures dans votre fuseau horaire Slack.',
  'home.preferences.digest_on':
    '*Récapitulatif* : activé. Vous recevez aussi un résumé de vos notifications.',
  'home.preferences.digest_off': '*Récapitulatif* : désactivé.',
  'home.preferences.digest_turn_on': 'Activer',
  'home.preferences.digest_turn_off': 'Désactiver',
  'home.fallback.body':
    "Votre accueil Cocoom ne peut pas s'afficher pour le moment. Fermez cet onglet et " +
    'rouvrez-le dans un instant.',
  'category.new_content': 'Nouveaux contenus',
  'category.training_due': 'Rappels de formation',
  'category.quiz': 'Quiz et défis',
  'category.comment': 'Commentaires et réponses',
  'category.mention': 'Mentions',
  'category.achievement': 'Badges et réussites',
  'category.announcement': 'Annonces',
  'welcome.text': 'Bienvenue sur Cocoom ! Votre micro-learning arrive dans Slack.',
  'welcome.body':
    'Bonjour <@{user}> ! Cocoom vous informe ici des nouveaux contenus, rappels de formation, ' +
    'quiz, commentaires, mentions et réussites de votre plateforme Cocoom.',
  'welcome.home':
    "Ouvrez l'onglet *Accueil* de cette application pour connecter votre compte Cocoom, voir " +
    'vos dernières notifications et choisir ce que vous recevez.',
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
