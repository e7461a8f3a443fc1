// Reading an HTTP answer in a test: the body as text, and parsed when it is JSON. Shared by the
// in-process requests (test/helpers.ts, test/api) and the child-process server (test/faults), so
// it imports nothing from the app.

export interface Answer {
  status: number
  /** The body parsed as JSON; undefined for an empty body, `notJson(text)` for any other text. */
  json: any
  text: string
  headers: Headers
}

export async function readAnswer(res: Response, notJson: (text: string) => unknown = () => undefined): Promise<Answer> {
  const text = await res.text()
  let json: any
  try {
    json = text ? JSON.parse(text) : undefined
  } catch {
    json = notJson(text)
  }
  return { status: res.status, json, text, headers: res.headers }
}
