// What the JS tests share: starting `tally server` on a free loopback port, and named checks
// that count passes and failures.

import { spawn } from 'node:child_process'

/// Spawns `binary server ...args` (stderr piped) and resolves to { server, port } once it
/// prints the port it listens on; rejects if it exits or has not started within 30 s (then
/// it is killed).
export async function startTallyServer(binary, args) {
  const server = spawn(binary, ['server', ...args], { stdio: ['ignore', 'ignore', 'pipe'] })
  const port = await new Promise((resolve, reject) => {
    let text = ''
    // Only the start has a deadline: a server that started is not killed 30 s later.
    const timer = setTimeout(() => {
      server.kill('SIGKILL')
      reject(new Error('tally server did not start: ' + text))
    }, 30000)
    timer.unref()
    server.stderr.on('data', (chunk) => {
      text += chunk
      const m = text.match(/listening on http:\/\/[^:]+:(\d+)/)
      if (m) { clearTimeout(timer); resolve(Number(m[1])) }
    })
    server.on('exit', (code) => { clearTimeout(timer); reject(new Error('tally server exited with ' + code + ': ' + text)) })
  })
  return { server, port }
}

/// Named checks: `check(name, async fn)` prints ok/FAIL and counts; `counts()` gives the totals.
export function makeChecks() {
  let passes = 0
  let failures = 0
  async function check(name, fn) {
    try {
      await fn()
      passes++
      console.log('ok   ' + name)
    } catch (e) {
      failures++
      console.log('FAIL ' + name + ': ' + (e && e.stack ? e.stack : e))
    }
  }
  return { check, fail: () => { failures++ }, counts: () => ({ passes, failures }) }
}
