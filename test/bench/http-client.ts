import { readFileSync } from 'node:fs'
import { Agent, get } from 'node:http'

// Runs in its own process, so the client's work does not share the server's thread: requests the
// paths in the given file one by one over one keep-alive connection and prints the latencies (ms).
const { base, cookie, paths } = JSON.parse(readFileSync(process.argv[2]!, 'utf8')) as { base: string; cookie: string; paths: string[] }
const agent = new Agent({ keepAlive: true, maxSockets: 1 })
const request = (path: string) =>
  new Promise<number>((resolve, reject) => {
    const t0 = performance.now()
    get(`${base}${path}`, { agent, headers: { cookie } }, (res) => {
      res.resume()
      res.on('end', () => (res.statusCode === 200 ? resolve(performance.now() - t0) : reject(new Error(`HTTP ${res.statusCode} for ${path}`))))
    }).on('error', reject)
  })
const latencies: number[] = []
for (const [i, path] of paths.entries()) {
  const ms = await request(path)
  if (i >= 20) latencies.push(ms) // the first 20 warm up
}
agent.destroy()
process.stdout.write(JSON.stringify(latencies))
