-- Opening stock of the restaurant example's second tenant, diner, in its two stores.
INSERT INTO stock (store, sku, on_hand, reserved, version, updated_at) VALUES
    ('harbour', 'pancakes', 80, 0, 0, 0),
    ('harbour', 'coffee',  250, 0, 0, 0),
    ('harbour', 'shake',    60, 0, 0, 0),
    ('station', 'pancakes', 80, 0, 0, 0),
    ('station', 'coffee',  250, 0, 0, 0),
    ('station', 'shake',    60, 0, 0, 0);
