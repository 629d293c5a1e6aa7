SELECT
  toDate('2024-12-31') - toUInt16(floor(730 * (1 - sqrt(intHash64(n*8+1) / 18446744073709551616.)))) AS date,
  substring('USCNDEGBINFRJPIESGNLCAKRBRAURUSEFICHITESPLHKTWBENODKATILCZUAVNIDMXTRARZATHMYPHNZPTROHUGRCLCOPKBDNGEGIRSAAEKEUYPEBGRSHRSKSILTLVEELUISBYKZUZGEAMAZMATNDZGHETTZUGCRPADOECVEBOPYGTSVHNNICUJMTTLKNPMMKHMNQAKW',
            toUInt32(2 * (floor(pow(100, intHash64(n*8+2) / 18446744073709551616.)) - 1) + 1), 2) AS country_code,
  concat('project-', toString(r)) AS project,
  multiIf(u3 < 0.9, 'bdist_wheel', u3 < 0.995, 'sdist', 'bdist_egg') AS type,
  ['pip','uv','requests','poetry','bandersnatch','setuptools','pdm','Browser','pipenv','Nexus'][toUInt32(floor(pow(11, intHash64(n*8+4) / 18446744073709551616.)))] AS installer,
  ['3.11','3.10','3.12','3.9','3.8','3.7','3.13','3.6','2.7','','3.5','3.4','3.14','3.3','2.6'][toUInt32(floor(pow(16, intHash64(n*8+5) / 18446744073709551616.)))] AS python_minor,
  multiIf(u6 < 0.8, 'Linux', u6 < 0.9, 'Windows', u6 < 0.97, 'Darwin', '') AS system,
  concat(toString(1 + intHash32(r) % 4), '.', toString(intDiv(vi, 10)), '.', toString(vi % 10)) AS version
FROM (SELECT n, r, u3, u6, toUInt32(floor(pow(3 + intHash32(r) % 150, intHash64(n*8+7) / 18446744073709551616.))) AS vi
      FROM (SELECT number + OFFSET AS n,
                   toUInt32(floor(pow(50000, intHash64(n*8+0) / 18446744073709551616.))) AS r,
                   intHash64(n*8+3) / 18446744073709551616. AS u3,
                   intHash64(n*8+6) / 18446744073709551616. AS u6
            FROM numbers(NROWS)))
