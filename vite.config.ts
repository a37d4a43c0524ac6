import { defineConfig } from 'vitest/config';
import react from '@vitejs/plugin-react';

export default defineConfig({
  plugins: [react()],
  // Lessons live outside src/ and are loaded with import.meta.glob as raw text.
  server: { fs: { allow: ['.'] } },
  test: {
    projects: [
      { extends: true, test: { name: 'unit', include: ['tests/unit/**/*.test.ts'], environment: 'node' } },
      { extends: true, test: { name: 'scenarios', include: ['tests/scenarios/**/*.test.ts'], environment: 'node' } },
    ],
  },
});
