-- Keeps metrics_first_shipments exact whatever writes deployments, changes or deployment_changes (any source, any
-- order). See lib/db/schema/metrics.ts and METRICS.md ("Speed").
--
-- Locking: every writing statement takes a share lock on the state row, so a rebuild that sets a new pattern waits
-- for the writers that saw the old one; writers that maintain the rollup then serialize on one advisory lock, taken
-- before the statements that read, so they see each other's committed rows.
INSERT INTO metrics_rollup_state (id) VALUES (1) ON CONFLICT DO NOTHING;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION metrics_refresh_first_shipments(keys_service text[], keys_sha text[]) RETURNS void
LANGUAGE plpgsql AS $$
DECLARE
  pattern text;
BEGIN
  IF coalesce(array_length(keys_service, 1), 0) = 0 THEN
    RETURN;
  END IF;
  SELECT production_pattern INTO pattern FROM metrics_rollup_state WHERE id = 1 FOR SHARE;
  IF pattern IS NULL THEN
    RETURN;
  END IF;
  PERFORM pg_advisory_xact_lock(7406113022);
  DELETE FROM metrics_first_shipments f
  USING unnest(keys_service, keys_sha) AS k(service, sha)
  WHERE f.service = k.service AND f.sha = k.sha;
  INSERT INTO metrics_first_shipments (service, sha, deployment_id, finished_at, authored_at, pull_request_ids)
  SELECT DISTINCT ON (x.service, x.sha) x.service, x.sha, x.deployment_id, x.finished_at, x.authored_at, x.pull_request_ids
  FROM (
    SELECT c.service, c.sha, d.id AS deployment_id, d.finished_at, min(c.authored_at) AS authored_at,
           array_agg(DISTINCT c.pull_request_id) FILTER (WHERE c.pull_request_id IS NOT NULL) AS pull_request_ids
    FROM (SELECT DISTINCT service, sha FROM unnest(keys_service, keys_sha) AS u(service, sha)) k
    JOIN changes c ON c.service = k.service AND c.sha = k.sha
    JOIN deployment_changes dc ON dc.change_id = c.id
    JOIN deployments d ON d.id = dc.deployment_id AND d.service = c.service
    WHERE d.status = 'success' AND d.finished_at IS NOT NULL AND d.environment ~* pattern
    GROUP BY c.service, c.sha, d.id, d.finished_at
  ) x
  ORDER BY x.service, x.sha, x.finished_at, x.deployment_id COLLATE "C";
END $$;
--> statement-breakpoint
-- One function for every write: the commits (service, sha) a statement touched, then their first shipments again.
-- Transition tables exist only for the events a trigger declares, so each branch reads only the ones it has.
CREATE OR REPLACE FUNCTION metrics_on_write() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
  touched jsonb[] := '{}';
  s text[];
  h text[];
BEGIN
  -- Not built yet (or being rebuilt for a new pattern, which waits for this lock): nothing to maintain.
  IF (SELECT production_pattern FROM metrics_rollup_state WHERE id = 1 FOR SHARE) IS NULL THEN
    RETURN NULL;
  END IF;
  IF TG_OP <> 'DELETE' THEN
    SELECT touched || array_agg(to_jsonb(r)) INTO touched FROM new_rows r;
  END IF;
  IF TG_OP <> 'INSERT' THEN
    SELECT touched || array_agg(to_jsonb(r)) INTO touched FROM old_rows r;
  END IF;
  SELECT array_agg(k.service), array_agg(k.sha) INTO s, h FROM (
    SELECT c.service, c.sha FROM unnest(touched) t(r)
    JOIN deployment_changes dc ON TG_TABLE_NAME = 'deployments' AND dc.deployment_id = t.r->>'id'
    JOIN changes c ON c.id = dc.change_id
    UNION
    -- A commit row no deployment carries cannot move its commit's first shipment (most often a new commit, written
    -- before the links that follow it in the same import).
    SELECT t.r->>'service', t.r->>'sha' FROM unnest(touched) t(r)
    WHERE TG_TABLE_NAME = 'changes' AND EXISTS (SELECT 1 FROM deployment_changes dc WHERE dc.change_id = t.r->>'id')
    UNION
    SELECT c.service, c.sha FROM unnest(touched) t(r)
    JOIN changes c ON TG_TABLE_NAME = 'deployment_changes' AND c.id = t.r->>'change_id'
  ) k;
  PERFORM metrics_refresh_first_shipments(s, h);
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER metrics_deployments_insert AFTER INSERT ON deployments REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION metrics_on_write();
--> statement-breakpoint
CREATE TRIGGER metrics_deployments_update AFTER UPDATE ON deployments REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION metrics_on_write();
--> statement-breakpoint
CREATE TRIGGER metrics_deployments_delete AFTER DELETE ON deployments REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION metrics_on_write();
--> statement-breakpoint
CREATE TRIGGER metrics_changes_insert AFTER INSERT ON changes REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION metrics_on_write();
--> statement-breakpoint
CREATE TRIGGER metrics_changes_update AFTER UPDATE ON changes REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION metrics_on_write();
--> statement-breakpoint
CREATE TRIGGER metrics_changes_delete AFTER DELETE ON changes REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION metrics_on_write();
--> statement-breakpoint
CREATE TRIGGER metrics_deployment_changes_insert AFTER INSERT ON deployment_changes REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION metrics_on_write();
--> statement-breakpoint
CREATE TRIGGER metrics_deployment_changes_update AFTER UPDATE ON deployment_changes REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION metrics_on_write();
--> statement-breakpoint
CREATE TRIGGER metrics_deployment_changes_delete AFTER DELETE ON deployment_changes REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION metrics_on_write();
