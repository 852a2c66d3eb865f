// Loads chevrotain from its self-contained bundle, lib/chevrotain.mjs. The package's export map
// points at lib/src/api.js, which imports hundreds of lodash-es modules: about 300 ms of start-up,
// most of a `clusterc check`. The bundle is the same release in one file (about 20 ms); the export
// map hides it from bare specifiers, so it is loaded by URL next to the resolved entry point, with
// the entry point itself as the fallback. Everything in src/spec imports chevrotain from here.
import type * as Chevrotain from 'chevrotain';

async function load(): Promise<typeof Chevrotain> {
  try {
    return (await import(new URL('../chevrotain.mjs', import.meta.resolve('chevrotain')).href)) as typeof Chevrotain;
  } catch {
    return await import('chevrotain');
  }
}

const chevrotain = await load();

export const { createToken, createTokenInstance, createSyntaxDiagramsCode, CstParser, EOF, Lexer } = chevrotain;
