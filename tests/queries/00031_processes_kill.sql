-- system.processes lists the running queries (here: the reading query itself); KILL QUERY
-- cancels matching queries but never itself, and reports each with its status.
SELECT user, query, is_cancelled, elapsed >= 0 FROM system.processes;
SELECT count() FROM system.processes WHERE query_id = queryID();
KILL QUERY WHERE query_id = 'no-such-query';
KILL QUERY WHERE 1 FORMAT TSVWithNames;
KILL QUERY WHERE 1 TEST;
SELECT 'still alive';
KILL MUTATION WHERE 1; -- { serverError NOT_IMPLEMENTED }
