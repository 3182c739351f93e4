-- A bulk import writes its rows in one transaction, so the planner's statistics are those of before the import and
-- plpgsql keeps the plan it made on the first batches. With them it reached the deployments of a touched commit
-- through every deployment of its service (deployments_service_finished_idx) and only then matched the link: at 50k
-- records into a database with the rollup built, 156k index rows per batch of 1,250 and 2.8x the import's time,
-- growing with the service's history. The statement's joins are written in the only order that stays bounded by the
-- keys it was given (commit, its links, their deployments by primary key); the planner keeps that order. Issue 19.
ALTER FUNCTION metrics_refresh_first_shipments(text[], text[]) SET join_collapse_limit = 1;
--> statement-breakpoint
-- The same stale plan made the trigger find a statement's links by hashing every row of deployment_changes (237k
-- rows read per batch of 600 deployments at 200k records): each branch now starts from the statement's own rows and
-- looks up by index, the plan that stays bounded by them however big the tables have grown. Each table's branch reads
-- its transition tables' columns directly (plpgsql compiles a trigger function once per table): turning every
-- touched row into jsonb first cost 4 s of a 200k-record import.
CREATE OR REPLACE FUNCTION metrics_on_write() RETURNS trigger
LANGUAGE plpgsql
SET enable_hashjoin = off
SET enable_mergejoin = off
AS $$
DECLARE
  s text[] := '{}';
  h text[] := '{}';
BEGIN
  -- Not built yet (or being rebuilt for a new pattern, which waits for this lock): nothing to maintain.
  IF (SELECT production_pattern FROM metrics_rollup_state WHERE id = 1 FOR SHARE) IS NULL THEN
    RETURN NULL;
  END IF;
  IF TG_TABLE_NAME = 'deployments' THEN
    IF TG_OP <> 'DELETE' THEN
      SELECT s || array_agg(c.service), h || array_agg(c.sha) INTO s, h
      FROM new_rows r JOIN deployment_changes dc ON dc.deployment_id = r.id JOIN changes c ON c.id = dc.change_id;
    END IF;
    IF TG_OP <> 'INSERT' THEN
      SELECT s || array_agg(c.service), h || array_agg(c.sha) INTO s, h
      FROM old_rows r JOIN deployment_changes dc ON dc.deployment_id = r.id JOIN changes c ON c.id = dc.change_id;
    END IF;
  ELSIF TG_TABLE_NAME = 'changes' THEN
    -- A commit row no deployment carries cannot move its commit's first shipment (most often a new commit, written
    -- before the links that follow it in the same import).
    IF TG_OP <> 'DELETE' THEN
      SELECT s || array_agg(r.service), h || array_agg(r.sha) INTO s, h
      FROM new_rows r WHERE EXISTS (SELECT 1 FROM deployment_changes dc WHERE dc.change_id = r.id);
    END IF;
    IF TG_OP <> 'INSERT' THEN
      SELECT s || array_agg(r.service), h || array_agg(r.sha) INTO s, h
      FROM old_rows r WHERE EXISTS (SELECT 1 FROM deployment_changes dc WHERE dc.change_id = r.id);
    END IF;
  ELSE
    IF TG_OP <> 'DELETE' THEN
      SELECT s || array_agg(c.service), h || array_agg(c.sha) INTO s, h
      FROM new_rows r JOIN changes c ON c.id = r.change_id;
    END IF;
    IF TG_OP <> 'INSERT' THEN
      SELECT s || array_agg(c.service), h || array_agg(c.sha) INTO s, h
      FROM old_rows r JOIN changes c ON c.id = r.change_id;
    END IF;
  END IF;
  PERFORM metrics_refresh_first_shipments(s, h);
  RETURN NULL;
END $$;
