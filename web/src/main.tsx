// Entry of the web UI: providers (theme, i18n, data cache, notifications) and the routes. /scan is the
// handheld page (phone layout, PWA); everything else is the back office. The service worker is registered here
// for every page, so whichever page was opened first, /scan later reloads offline.
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { MantineProvider, createTheme } from '@mantine/core';
import { Notifications } from '@mantine/notifications';
import { QueryClientProvider } from '@tanstack/react-query';
import { BrowserRouter } from 'react-router';
import '@mantine/core/styles.css';
import '@mantine/notifications/styles.css';
import '@mantine/dates/styles.css';
import './i18n/index';
import './app/global.css';
import { queryClient } from './app/query';
import { App } from './app/App';
import { LocalizedDates } from './app/Dates';
import { registerServiceWorker } from './app/serviceWorker';

const theme = createTheme({
  primaryColor: 'blue',
  defaultRadius: 'sm',
  // Devices set to reduce motion (and the browser tests) get dialogs without transitions.
  respectReducedMotion: true,
  fontFamily: 'system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", sans-serif',
  components: { Table: { defaultProps: { fz: 'sm' } } },
});

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <MantineProvider theme={theme}>
      <Notifications position="bottom-right" />
      <LocalizedDates>
        <QueryClientProvider client={queryClient}>
          <BrowserRouter>
            <App />
          </BrowserRouter>
        </QueryClientProvider>
      </LocalizedDates>
    </MantineProvider>
  </StrictMode>,
);

registerServiceWorker();
