// Only http(s) addresses from data may become links: the schemes a hostile probe file would use to
// run script or render content in the page (javascript:, data:, vbscript:, blob:, file:) get no link,
// however they are spelled (case, leading blanks, entities the URL parser does not decode).
import { describe, expect, it } from 'vitest';
import { httpUrlOrNull } from '../../src/core/httpUrl';

describe('httpUrlOrNull', () => {
  it.each([
    ['https://doi.org/10.1126/science.aal4230', 'https://doi.org/10.1126/science.aal4230'],
    ['  http://example.org/a b ', 'http://example.org/a%20b'],
    ['HTTPS://Example.ORG', 'https://example.org/'],
  ])('keeps the http(s) address %j as %j', (raw, href) => {
    expect(httpUrlOrNull(raw)).toBe(href);
  });

  it.each([
    'javascript:alert(1)',
    ' JavaScript:alert(1)',
    'java\tscript:alert(1)',
    'data:text/html,<script>alert(1)</script>',
    'vbscript:msgbox(1)',
    'blob:https://example.org/uuid',
    'file:///etc/passwd',
    'ftp://example.org/paper.pdf',
    '//example.org/no-scheme',
    'doi.org/10.1/x',
    '',
    undefined,
    null,
  ])('refuses %j', (raw) => {
    expect(httpUrlOrNull(raw)).toBeNull();
  });
});
