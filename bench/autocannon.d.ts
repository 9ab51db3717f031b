/** The part of autocannon's API the benchmark uses (the package ships no types). */
declare module 'autocannon' {
  namespace autocannon {
    interface Options {
      url: string;
      method?: string;
      headers?: Record<string, string>;
      body?: string;
      /** Per-request hooks; `setupRequest` may change the body of each request. */
      requests?: { setupRequest?: (request: { body?: string }) => { body?: string } }[];
      connections?: number;
      duration?: number;
      /** Per-request setup: each call may change the request (path, body) before it is sent. */
      requests?: {
        setupRequest?: (request: { path: string; method?: string }) => { path: string };
      }[];
    }
    interface Result {
      duration: number;
      errors: number;
      timeouts: number;
      non2xx: number;
      requests: { total: number; average: number };
    }
    interface Instance {
      on(
        event: 'response',
        listener: (
          client: unknown,
          statusCode: number,
          bytes: number,
          responseTime: number,
        ) => void,
      ): this;
    }
  }
  function autocannon(
    options: autocannon.Options,
    callback: (error: Error | null, result: autocannon.Result) => void,
  ): autocannon.Instance;
  export default autocannon;
}
