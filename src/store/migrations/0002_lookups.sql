-- 0002_lookups: indexes the model and its queries need.
--
-- At most one realization per indicator, year and period (dataset-format.md: "a
-- duplicate is an error"; an absent period means the year, `Y`). It is also the index
-- realizations of an indicator are read by.
CREATE UNIQUE INDEX realizations_once ON realizations (agency_id, indicator, year, (coalesce(period, 'Y')));

-- The agencies of a region in document order (exportRegion, listAgencies).
CREATE INDEX agencies_region ON agencies (region, position);
