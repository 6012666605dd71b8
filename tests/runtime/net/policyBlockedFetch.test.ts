// A download the page's security policy refused must say so and name the setting, and nothing else
// may be reported that way: a plain network failure, a violation of another directive, or an error
// that is not fetch's TypeError pass through untouched. The scope is an EventTarget standing in for
// the worker's global, which the browser fires `securitypolicyviolation` at.
import { describe, expect, it } from 'vitest';
import { BlockedByPolicyError, ModelLoadError } from '../../../src/core/errors';
import { HUB_HOSTS_SETTING } from '../../../src/core/hubHostsSetting';
import { policyBlockedFetch } from '../../../src/runtime/net/policyBlockedFetch';

const violation = (effectiveDirective: string, blockedURI: string) => Object.assign(new Event('securitypolicyviolation'), { effectiveDirective, blockedURI });

/** A fetch that fails like a blocked one: the event fires after the rejection (as a queued task may). */
function failingFetch(scope: EventTarget, event: Event | null, error: unknown = new TypeError('Failed to fetch')) {
  return async () => {
    if (event) setTimeout(() => scope.dispatchEvent(event), 0);
    throw error;
  };
}

describe('policyBlockedFetch', () => {
  it('turns a fetch failure after a connect-src violation into BlockedByPolicyError naming the host and the setting', async () => {
    const scope = new EventTarget();
    const f = policyBlockedFetch(failingFetch(scope, violation('connect-src', 'https://hf-mirror.example.org/org/m/resolve/main/config.json')), scope);
    const err = await f('https://hf-mirror.example.org/org/m/resolve/main/config.json').catch((e: unknown) => e);
    expect(err).toBeInstanceOf(BlockedByPolicyError);
    expect(err).toBeInstanceOf(ModelLoadError);
    expect((err as Error).name).toBe('BlockedByPolicyError');
    expect((err as Error).message).toContain('blocked the download from https://hf-mirror.example.org:');
    expect((err as Error).message).toContain(`set ${HUB_HOSTS_SETTING}=https://hf-mirror.example.org`);
  });

  it('names the redirect host the policy refused, not the host first asked', async () => {
    const scope = new EventTarget();
    const f = policyBlockedFetch(failingFetch(scope, violation('connect-src', 'https://cdn.mirror.example.net/x')), scope);
    const err = (await f('https://hf-mirror.example.org/org/m/resolve/main/onnx/model.onnx').catch((e: unknown) => e)) as Error;
    expect(err.message).toContain(`${HUB_HOSTS_SETTING}=https://cdn.mirror.example.net `);
  });

  it('leaves a network failure without a violation as it was', async () => {
    const scope = new EventTarget();
    const original = new TypeError('Failed to fetch');
    const f = policyBlockedFetch(failingFetch(scope, null, original), scope);
    await expect(f('https://huggingface.co/x')).rejects.toBe(original);
  });

  it('ignores violations of other directives and ones that happened before the fetch', async () => {
    const scope = new EventTarget();
    scope.dispatchEvent(violation('connect-src', 'https://earlier.example.org/'));
    const original = new TypeError('Failed to fetch');
    const f = policyBlockedFetch(failingFetch(scope, violation('img-src', 'https://img.example.org/a.png'), original), scope);
    await expect(f('https://huggingface.co/x')).rejects.toBe(original);
  });

  it('passes other errors (an abort, a named error) and successful responses through', async () => {
    const scope = new EventTarget();
    const abort = new DOMException('aborted', 'AbortError');
    await expect(policyBlockedFetch(failingFetch(scope, violation('connect-src', 'https://x.org/'), abort), scope)('https://x.org/')).rejects.toBe(abort);
    const ok = new Response('ok');
    await expect(policyBlockedFetch(async () => ok, scope)('https://x.org/')).resolves.toBe(ok);
  });
});
