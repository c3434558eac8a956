-- Water-section attributes (issue 5): water-body type (GB 3838-2002 Table 1: lakes/reservoirs have a stricter TP
-- limit), target class (1 = I ... 5 = V) and centralised drinking-water source flag (GB 3838-2002 Tables 2, 3).
ALTER TABLE sites ADD COLUMN waterbody VARCHAR;
ALTER TABLE sites ADD COLUMN target_class INTEGER;
ALTER TABLE sites ADD COLUMN drinking_water_source BOOLEAN DEFAULT FALSE;
