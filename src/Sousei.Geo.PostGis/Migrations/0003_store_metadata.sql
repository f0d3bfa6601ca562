-- What a store says about itself (issue 11): the store.json of a file store, one document per city.
CREATE TABLE store_metadata (
    city_code text PRIMARY KEY,
    document jsonb NOT NULL CHECK (jsonb_typeof(document) = 'object')
);
