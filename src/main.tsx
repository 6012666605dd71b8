// Entry point: React root with the TanStack Query provider. Nothing heavy is imported here —
// the model worker (ONNX Runtime, GloVe) starts after first paint, charts load as a lazy chunk.
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { QueryClientProvider } from '@tanstack/react-query';
import { queryClient } from './state/queries';
import { App } from './ui/App';
import './styles/app.css';

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <QueryClientProvider client={queryClient}>
      <App />
    </QueryClientProvider>
  </StrictMode>,
);
