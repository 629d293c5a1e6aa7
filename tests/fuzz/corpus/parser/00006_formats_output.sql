SELECT number, toString(number) AS s, [number, number] AS a FROM numbers(3) FORMAT TSVWithNames;
SELECT number, toString(number) AS s FROM numbers(2) FORMAT TSVWithNamesAndTypes;
SELECT number, 'a"b' AS s, [1, 2] AS a, toDate('2024-01-02') AS d FROM numbers(2) FORMAT CSV;
SELECT number, 'x' AS s FROM numbers(2) FORMAT CSVWithNames;
SELECT number, 'q\'t' AS s, toDate('2024-01-02') AS d, NULL AS n FROM numbers(2) FORMAT Values;
SELECT number, toString(number) AS s, [number] AS a, 1.5 AS f FROM numbers(2) FORMAT JSONEachRow;
SELECT number, toString(number) AS s FROM numbers(2) FORMAT JSONCompactEachRow;
SELECT 'tab\there', 'new\nline', 'back\\slash', 'quote\'s' FORMAT TSV;
SELECT 1 AS a, 'x' AS b FORMAT Null;
