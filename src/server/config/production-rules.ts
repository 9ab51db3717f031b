/**
 * What production settings must not do: talk to the platform or send shoppers back over plain
 * http (loopback hosts excepted, for a local sandbox or proxy). Problems name their option.
 */
import { isLoopbackHost, parseHttpUrl } from '../../internal/url.js';

export interface SettingProblem {
  /** The option at fault, e.g. `environment.baseUrl` or `allowedReturnOrigins.1`. */
  option: string;
  message: string;
}

/** True when a URL uses http on a host that is not loopback. */
export function isRemotePlainHttp(value: string): boolean {
  const url = parseHttpUrl(value);
  return url !== undefined && url.protocol === 'http:' && !isLoopbackHost(url.hostname);
}

/** The production problems of the Ogone base URL and the return origins. */
export function productionProblems(
  baseUrl: string | undefined,
  origins: readonly string[],
): SettingProblem[] {
  const problems: SettingProblem[] = [];
  if (baseUrl !== undefined && isRemotePlainHttp(baseUrl)) {
    problems.push({
      option: 'environment.baseUrl',
      message: 'must use https in prod (plain http only on a loopback host)',
    });
  }
  origins.forEach((origin, index) => {
    if (isRemotePlainHttp(origin)) {
      problems.push({
        option: `allowedReturnOrigins.${index}`,
        message: 'must use https in prod (plain http only on a loopback host)',
      });
    }
  });
  return problems;
}
