// Builds the single-page app into build/web (beside the tally binary, where `tally server`
// looks for it), or into $TALLY_WEB_OUT.
import { defineConfig } from 'vite'
import { resolve } from 'node:path'
import { fileURLToPath } from 'node:url'

const here = fileURLToPath(new URL('.', import.meta.url))

const outDir = process.env.TALLY_WEB_OUT
  ? resolve(process.env.TALLY_WEB_OUT)
  : resolve(here, '../../../build/web')

export default defineConfig({
  base: '/',
  build: {
    outDir,
    emptyOutDir: true,
    target: 'es2022',
    assetsInlineLimit: 0,
    chunkSizeWarningLimit: 800,
    reportCompressedSize: true,
  },
})
