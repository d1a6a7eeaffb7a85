-- Opening stock of the restaurant example's menu in its two stores.
INSERT INTO stock (store, sku, on_hand, reserved, version, updated_at) VALUES
    ('downtown', 'burger', 100, 0, 0, 0),
    ('downtown', 'fries',  200, 0, 0, 0),
    ('downtown', 'soda',   300, 0, 0, 0),
    ('downtown', 'salad',   50, 0, 0, 0),
    ('uptown',   'burger', 100, 0, 0, 0),
    ('uptown',   'fries',  200, 0, 0, 0),
    ('uptown',   'soda',   300, 0, 0, 0),
    ('uptown',   'salad',   50, 0, 0, 0);
