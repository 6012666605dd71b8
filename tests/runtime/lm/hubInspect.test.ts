// inspectHubRepo against a scripted fetch: which requests it makes and what it concludes, for the
// answers a Hub or a mirror can give — the API with sizes (no second request), the API saying
// "gated" with a HEAD whose error header a host may not expose, no API (a mirror: commit from the
// HEAD's X-Repo-Commit), nothing reachable (all unknown, no error). Plus the sibling-size rule.
import { describe, expect, it } from 'vitest';
import { GatedModelError } from '../../../src/core/errors';
import { inspectHubRepo, onnxFileNames, siblingSizes, type FetchLike } from '../../../src/runtime/lm/hubRepo';

const SHA = 'a'.repeat(40);
const HOST = 'http://hub.test/';

/** A fetch answering from `routes` ("METHOD url" → Response or thrown error), logging each call. */
function scripted(routes: Record<string, () => Response>) {
  const calls: string[] = [];
  const fetchFn: FetchLike = async (url, init) => {
    const key = `${init?.method ?? 'GET'} ${url}`;
    calls.push(key);
    const route = routes[key];
    if (!route) throw new TypeError('fetch failed');
    return route();
  };
  return { fetchFn, calls };
}
const api = `GET ${HOST}api/models/org/m/revision/main?blobs=true`;
const head = `HEAD ${HOST}org/m/resolve/main/config.json`;
const json = (body: unknown) => () => new Response(JSON.stringify(body), { status: 200, headers: { 'content-type': 'application/json' } });

describe('inspectHubRepo', () => {
  it('the API answers: commit and sizes (lfs.size over size), no second request', async () => {
    const { fetchFn, calls } = scripted({
      [api]: json({ sha: SHA, gated: false, siblings: [{ rfilename: 'config.json', size: 600 }, { rfilename: 'onnx/model.onnx', size: 134, lfs: { size: 5_000_000_000, sha256: 'ab'.repeat(32) } }] }),
    });
    expect(await inspectHubRepo(fetchFn, HOST, 'org/m')).toEqual({
      commit: SHA,
      sizes: { 'config.json': 600, 'onnx/model.onnx': 5_000_000_000 },
      lfsSha256: { 'onnx/model.onnx': 'ab'.repeat(32) },
    });
    expect(calls).toEqual([api]);
  });

  it('the API says gated and the file answers 401 (even without a readable X-Error-Code) → GatedModelError', async () => {
    const { fetchFn, calls } = scripted({
      [api]: json({ sha: SHA, gated: 'manual', siblings: [] }),
      [head]: () => new Response(null, { status: 401 }),
    });
    await expect(inspectHubRepo(fetchFn, HOST, 'org/m')).rejects.toThrow(GatedModelError);
    expect(calls).toEqual([api, head]);
  });

  it('a 401 with X-Error-Code GatedRepo is gated; RepoNotFound is left to the download to report', async () => {
    const gated = scripted({ [head]: () => new Response(null, { status: 401, headers: { 'x-error-code': 'GatedRepo' } }) });
    await expect(inspectHubRepo(gated.fetchFn, HOST, 'org/m')).rejects.toThrow(GatedModelError);
    const missing = scripted({ [head]: () => new Response(null, { status: 401, headers: { 'x-error-code': 'RepoNotFound' } }) });
    expect(await inspectHubRepo(missing.fetchFn, HOST, 'org/m')).toEqual({ commit: null, sizes: null, lfsSha256: null });
  });

  it('no API (a mirror): the commit from X-Repo-Commit; nothing reachable: all unknown', async () => {
    const mirror = scripted({ [api]: () => new Response('not found', { status: 404 }), [head]: () => new Response(null, { status: 200, headers: { 'x-repo-commit': SHA } }) });
    expect(await inspectHubRepo(mirror.fetchFn, 'http://hub.test', 'org/m')).toEqual({ commit: SHA, sizes: null, lfsSha256: null });
    expect(mirror.calls).toEqual([api, head]);
    const offline = scripted({});
    expect(await inspectHubRepo(offline.fetchFn, HOST, 'org/m')).toEqual({ commit: null, sizes: null, lfsSha256: null });
  });
});

describe('siblingSizes / onnxFileNames', () => {
  it('null when any sibling lacks a size (no ?blobs=true); onnx/ names one level deep', () => {
    expect(siblingSizes([{ rfilename: 'a' }])).toBeNull();
    expect(siblingSizes([{ rfilename: 'a', size: 1 }, { rfilename: 'b', size: 2, lfs: { size: 3 } }])).toEqual({ a: 1, b: 3 });
    expect(onnxFileNames({ 'onnx/model.onnx': 1, 'onnx/model.onnx_data': 2, 'onnx/sub/x.onnx': 3, 'config.json': 4 })).toEqual(['model.onnx', 'model.onnx_data']);
  });
});
