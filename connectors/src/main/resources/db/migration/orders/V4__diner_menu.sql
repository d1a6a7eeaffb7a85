-- The menu of the restaurant example's second tenant, diner, in its two stores (prices in cents).
INSERT INTO menu_items (store, sku, name, unit_price_minor, currency) VALUES
    ('harbour', 'pancakes', 'Pancake stack', 650, 'USD'),
    ('harbour', 'coffee',   'Filter coffee', 200, 'USD'),
    ('harbour', 'shake',    'Milkshake',     450, 'USD'),
    ('station', 'pancakes', 'Pancake stack', 700, 'USD'),
    ('station', 'coffee',   'Filter coffee', 225, 'USD'),
    ('station', 'shake',    'Milkshake',     475, 'USD');
