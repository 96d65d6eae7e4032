-- The starting set of shared tone presets (table tone_presets, V3): read-only for users, listed
-- beside their own profiles. Ids are fixed so that clients and conversations may refer to them
-- across environments. A later change to a preset is a new migration (UPDATE by id), never an
-- edit of this file. Axes: playfulness, formality, forwardness, expressiveness, 1..10 each.
INSERT INTO tone_presets (id, name, description, playfulness, formality, forwardness, expressiveness) VALUES
    ('01a241c8-ac00-70a0-8b5e-7a11ce000000', 'Playful flirt',
     'Teasing and light-hearted, with a clear hint of interest.', 9, 2, 7, 8),
    ('01a241c8-ac00-70a1-8b5e-7a11ce000001', 'Warm and sincere',
     'Kind and genuine; shows real interest without games.', 4, 4, 4, 7),
    ('01a241c8-ac00-70a2-8b5e-7a11ce000002', 'Witty banter',
     'Quick jokes and clever back-and-forth that keep the thread lively.', 8, 3, 5, 6),
    ('01a241c8-ac00-70a3-8b5e-7a11ce000003', 'Direct and confident',
     'Says what you want plainly, such as suggesting a date.', 4, 4, 9, 5),
    ('01a241c8-ac00-70a4-8b5e-7a11ce000004', 'Laid-back casual',
     'Relaxed and low-pressure, like texting a friend.', 5, 2, 3, 3),
    ('01a241c8-ac00-70a5-8b5e-7a11ce000005', 'Thoughtful and deep',
     'Curious, open questions that move past small talk.', 3, 6, 4, 6),
    ('01a241c8-ac00-70a6-8b5e-7a11ce000006', 'Polite first contact',
     'A friendly, respectful opener for a new match.', 3, 8, 3, 4),
    ('01a241c8-ac00-70a7-8b5e-7a11ce000007', 'Enthusiastic',
     'High energy and openly excited; exclamation marks welcome.', 7, 3, 6, 10);
