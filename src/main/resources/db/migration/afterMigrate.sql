-- Runs after every Flyway migrate, so at every start-up of the service: makes sure the
-- current month's message partition and the next three exist. Giving up on a lock is
-- fine (the DEFAULT partition takes the rows, the rollover job retries); failing the
-- start-up is not.
DO $$
BEGIN
    PERFORM ensure_message_partitions(3);
EXCEPTION WHEN lock_not_available THEN
    RAISE WARNING 'ensure_message_partitions gave up waiting for a lock; the rollover job will retry';
END;
$$;
