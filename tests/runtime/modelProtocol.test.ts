// The error transfer handler: a named error thrown behind comlink arrives as the same class.
import { describe, expect, it } from 'vitest';
import * as Comlink from 'comlink';
import { MessageChannel } from 'node:worker_threads';
import { CorruptModelFileError, ModelLoadError, ParseError, fromErrorInfo } from '../../src/core/errors';
import { errorInfoOf, registerErrorTransfer } from '../../src/worker/modelProtocol';

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

describe('errorInfoOf', () => {
  it('names errors by class even when the constructor name was minified', () => {
    const e = new CorruptModelFileError('model.onnx: corrupt file');
    e.name = 'M'; // what `new.target.name` gives in the production bundle
    expect(errorInfoOf(e)).toEqual({ name: 'CorruptModelFileError', message: 'model.onnx: corrupt file' });
    const back = fromErrorInfo(errorInfoOf(e));
    expect(back).toBeInstanceOf(CorruptModelFileError);
    expect(back).toBeInstanceOf(ModelLoadError);
    expect(errorInfoOf(new TypeError('x'))).toEqual({ name: 'TypeError', message: 'x' });
  });
});
