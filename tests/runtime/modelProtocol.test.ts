// The error transfer handler: a named error thrown behind comlink arrives as the same class.
import { describe, expect, it } from 'vitest';
import * as Comlink from 'comlink';
import { MessageChannel } from 'node:worker_threads';
import { CorruptModelFileError, ModelLoadError, ParseError, fromErrorInfo, toErrorInfo } from '../../src/core/errors';
import { registerErrorTransfer } from '../../src/worker/modelProtocol';
import * as errors from '../../src/core/errors';

describe('registerErrorTransfer', () => {
  it('rebuilds named errors across a comlink boundary', async () => {
    registerErrorTransfer(Comlink);
    const { port1, port2 } = new MessageChannel();
    const api = {
      fail(kind: string): number {
        if (kind === 'load') throw new ModelLoadError('corrupt file: model.onnx');
        if (kind === 'parse') throw new ParseError('line 3: x');
        throw 'plain string';
      },
      ok: () => 42,
    };
    Comlink.expose(api, port1 as unknown as Comlink.Endpoint);
    const remote = Comlink.wrap<typeof api>(port2 as unknown as Comlink.Endpoint);
    expect(await remote.ok()).toBe(42);
    const e1 = await remote.fail('load').catch((e: unknown) => e);
    expect(e1).toBeInstanceOf(ModelLoadError);
    expect((e1 as Error).message).toBe('corrupt file: model.onnx');
    expect((e1 as Error).name).toBe('ModelLoadError');
    const e2 = await remote.fail('parse').catch((e: unknown) => e);
    expect(e2).toBeInstanceOf(ParseError);
    const e3 = await remote.fail('other').catch((e: unknown) => e);
    expect(e3).toBe('plain string');
    port1.close();
    port2.close();
  });
});

describe('error names on the wire', () => {
  it('every exported error class carries its own name as a literal (survives minification) and round-trips', () => {
    const classes = Object.entries(errors).filter(([, v]) => typeof v === 'function' && v.prototype instanceof Error) as [string, new (m: string) => Error][];
    expect(classes.length).toBeGreaterThanOrEqual(19);
    for (const [exportName, Ctor] of classes) {
      const e = new Ctor('boom');
      expect(e.name).toBe(exportName);
      const back = fromErrorInfo(toErrorInfo(e));
      expect(back).toBeInstanceOf(Ctor);
      expect(back.message).toBe(e.message);
    }
    const corrupt = fromErrorInfo(toErrorInfo(new CorruptModelFileError('model.onnx: corrupt file')));
    expect(corrupt).toBeInstanceOf(ModelLoadError);
    expect(toErrorInfo(new TypeError('x'))).toEqual({ name: 'TypeError', message: 'x' });
  });
});
