# Writes N linehaul CDN log lines (70% pip JSON, 20% uv JSON, 10% other agents; 2,010
# projects with a Pareto-skewed popularity) for the load benchmark. Usage: gen_logs.py N OUT
import random, sys
random.seed(1)
n = int(sys.argv[1])
projects = ['boto3','requests','numpy','urllib3','setuptools','typing-extensions','packaging','certifi','idna','botocore'] + ['pkg%d' % i for i in range(2000)]
out = open(sys.argv[2], 'w')
uas = []
for k in range(200):
    pyv = '3.%d.%d' % (random.choice([8,9,10,11,12,13]), random.randint(0,15))
    if k % 10 < 7:
        v = random.choice(['23.2.1','24.0','24.2','21.3.1'])
        ua = 'pip/%s {"ci":%s,"cpu":"x86_64","distro":{"id":"jammy","libc":{"lib":"glibc","version":"2.35"},"name":"Ubuntu","version":"22.04"},"implementation":{"name":"CPython","version":"%s"},"installer":{"name":"pip","version":"%s"},"openssl_version":"OpenSSL 3.0.2 15 Mar 2022","python":"%s","rustc_version":"1.70.0","setuptools_version":"68.0.0","system":{"name":"Linux","release":"5.15.0-1041-azure"}}' % (v, random.choice(['true','null']), pyv, v, pyv)
    elif k % 10 < 9:
        ua = 'uv/0.4.%d {"installer":{"name":"uv","version":"0.4.%d"},"python":"%s","implementation":{"name":"CPython","version":"%s"},"distro":{"name":"Ubuntu","version":"22.04","id":"jammy","libc":{"lib":"glibc","version":"2.35"}},"system":{"name":"Linux","release":"6.5.0-1025-azure"},"cpu":"x86_64","openssl_version":null,"setuptools_version":null,"rustc_version":null,"ci":true}' % (k, k, pyv, pyv)
    else:
        ua = random.choice(['poetry/1.8.2 CPython/3.11.4 Linux/5.15.0', 'python-requests/2.31.0', 'Bazel/7.1.0', 'curl/8.1.2', 'bandersnatch/6.1.0 (cpython 3.11.4-final0, Linux x86_64)'])
    uas.append(ua)
days = ['%02d' % d for d in range(1, 29)]
buf = []
for i in range(n):
    p = projects[min(int(random.paretovariate(0.8)) - 1, len(projects) - 1)]
    line = 'download|Mon, %s Feb 2026 %02d:%02d:%02d GMT|%s|/packages/ab/cd/ef0123456789abcdef0123456789abcdef0123456789abcdef01234567/%s-1.0-py3-none-any.whl|TLSv1.3|TLS_AES_256_GCM_SHA384|%s|1.%d.%d|bdist_wheel|%s' % (
        random.choice(days), i % 24, i % 60, i % 60, random.choice(['US','US','US','DE','IE','']), p, p, i % 7, i % 3, uas[i % 200])
    buf.append(line)
    if len(buf) == 100000:
        out.write('\n'.join(buf) + '\n'); buf = []
if buf: out.write('\n'.join(buf) + '\n')
