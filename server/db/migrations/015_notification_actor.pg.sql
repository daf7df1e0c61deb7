-- Notifications name the person who caused them when they are read, not when they are written
-- (AVG: a deleted account's name must leave other people's inboxes). Stored texts start with the
-- placeholder {actor} instead of the name. Existing rows, as far as they can be recovered:
-- first where the text starts with the actor's current name (keeps a review request's
-- "(team)" after the name) ...
UPDATE notifications
SET text = '{actor}' || substr(text, length((SELECT name FROM users WHERE users.id = notifications.actor_id)) + 1)
WHERE kind IN ('mention', 'reply', 'team_added', 'round_feedback', 'review_request')
  AND actor_id IS NOT NULL
  AND length((SELECT name FROM users WHERE users.id = notifications.actor_id)) > 0
  AND substr(text, 1, length((SELECT name FROM users WHERE users.id = notifications.actor_id)))
    = (SELECT name FROM users WHERE users.id = notifications.actor_id);
-- ... then, for renamed and deleted accounts, everything before the fixed wording of the kind.
UPDATE notifications
SET text = '{actor}' || substr(text, strpos(text, ' noemde je in een reactie bij "'))
WHERE kind = 'mention' AND substr(text, 1, 7) <> '{actor}' AND strpos(text, ' noemde je in een reactie bij "') > 1;
UPDATE notifications
SET text = '{actor}' || substr(text, strpos(text, ' reageerde op een gesprek bij "'))
WHERE kind = 'reply' AND substr(text, 1, 7) <> '{actor}' AND strpos(text, ' reageerde op een gesprek bij "') > 1;
UPDATE notifications
SET text = '{actor}' || substr(text, strpos(text, ' heeft je toegevoegd aan het team "'))
WHERE kind = 'team_added' AND substr(text, 1, 7) <> '{actor}' AND strpos(text, ' heeft je toegevoegd aan het team "') > 1;
UPDATE notifications
SET text = '{actor}' || substr(text, strpos(text, ' doet mee als reviewer in "'))
WHERE kind = 'round_feedback' AND substr(text, 1, 7) <> '{actor}' AND strpos(text, ' doet mee als reviewer in "') > 1;
UPDATE notifications
SET text = '{actor}' || substr(text, strpos(text, ' heeft feedback gegeven in "'))
WHERE kind = 'round_feedback' AND substr(text, 1, 7) <> '{actor}' AND strpos(text, ' heeft feedback gegeven in "') > 1;
UPDATE notifications
SET text = '{actor}' || substr(text, strpos(text, ' vraagt je team "'))
WHERE kind = 'review_request' AND substr(text, 1, 7) <> '{actor}' AND strpos(text, ' vraagt je team "') > 1;
