-- JSON functions (not in ClickHouse 18.16): reference checked against today's documented behaviour.
SELECT JSONExtractString('{"a":"x","b":1}', 'a'), JSONExtractInt('{"a":"x","b":-5}', 'b'), JSONExtractUInt('{"n":7}', 'n');
SELECT JSONExtractFloat('{"f":1.25}', 'f'), JSONExtractBool('{"t":true}', 't'), JSONExtractRaw('{"o":{"k":[1,2]}}', 'o');
SELECT JSONHas('{"a":1}', 'a'), JSONHas('{"a":1}', 'b'), JSONLength('[1,2,3]'), JSONLength('{"a":1,"b":2}'), JSONType('{"a":[]}', 'a');
SELECT JSONExtract('{"viewer_count":867}', 'viewer_count', 'UInt32') AS v, toTypeName(v);
SELECT JSONExtract('{"a":[1,2,3]}', 'a', 'Array(UInt8)'), JSONExtract('{"a":null}', 'a', 'Nullable(Int32)'), JSONExtractKeys('{"x":1,"y":2}');
SELECT JSONExtractString('{"a":{"b":"deep"}}', 'a', 'b'), JSONExtractInt('[10,20,30]', 2), JSONExtractString('not json', 'a');
SELECT toUInt64(JSONExtractString(j, 'id')) AS id, parseDateTimeBestEffort(JSONExtractString(j, 'ts')) AS ts
FROM (SELECT '{"id":"44960163196","ts":"2022-03-14T11:09:10Z"}' AS j);
