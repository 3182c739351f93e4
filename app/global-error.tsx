'use client';

/**
 * The last resort when the root layout itself fails (the database cannot be opened at all). It replaces the whole
 * document, so it carries its own minimal styles and follows the system colour scheme like the rest of the app.
 */
export default function GlobalError({ retry }: { error: unknown; retry: () => void }) {
  return (
    <html lang="en">
      <body style={{ fontFamily: 'system-ui, sans-serif', margin: 0, padding: '3rem', colorScheme: 'light dark' }}>
        <title>Waymark is unavailable</title>
        <main style={{ maxWidth: '40rem' }}>
          <h1>Waymark could not load</h1>
          <p>The server could not render this page; the error is in its log. If the database is starting or busy, trying again usually helps.</p>
          <button type="button" onClick={() => retry()} style={{ font: 'inherit', padding: '0.5rem 1rem' }}>
            Try again
          </button>
        </main>
      </body>
    </html>
  );
}
