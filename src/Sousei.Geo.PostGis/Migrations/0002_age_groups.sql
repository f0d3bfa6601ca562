-- Optional age groups of households and population units (issue 10: equity by age). NULL: not known.
ALTER TABLE households ADD COLUMN persons_0_14 integer CHECK (persons_0_14 >= 0);
ALTER TABLE households ADD COLUMN persons_65plus integer CHECK (persons_65plus >= 0);
ALTER TABLE town_blocks ADD COLUMN persons_0_14 integer CHECK (persons_0_14 >= 0);
ALTER TABLE town_blocks ADD COLUMN persons_65plus integer CHECK (persons_65plus >= 0);
