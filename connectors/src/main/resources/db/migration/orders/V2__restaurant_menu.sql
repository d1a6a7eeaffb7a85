-- The restaurant example's menu for its two stores (prices in cents).
INSERT INTO menu_items (store, sku, name, unit_price_minor, currency) VALUES
    ('downtown', 'burger', 'Classic burger',  850, 'USD'),
    ('downtown', 'fries',  'Fries',           350, 'USD'),
    ('downtown', 'soda',   'Soda',            250, 'USD'),
    ('downtown', 'salad',  'Garden salad',    750, 'USD'),
    ('uptown',   'burger', 'Classic burger',  900, 'USD'),
    ('uptown',   'fries',  'Fries',           375, 'USD'),
    ('uptown',   'soda',   'Soda',            275, 'USD'),
    ('uptown',   'salad',  'Garden salad',    800, 'USD');
