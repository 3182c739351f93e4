/** Whether a write came from an HTML form (which then gets a redirect back, not JSON). */
export const isFormPost = (request: Request) => (request.headers.get('content-type') ?? '').startsWith('application/x-www-form-urlencoded');

/**
 * A form body as the JSON object the endpoint's schema reads (empty fields left out, as an unset optional), so a
 * form and an API client go through the one validation.
 */
export const formToJson = (body: string) => JSON.stringify(Object.fromEntries([...new URLSearchParams(body)].filter(([, value]) => value !== '')));

/** Where a form post goes next: 303, so the browser follows with a GET. Only paths on this site. */
export const seeOther = (path: string) => new Response(null, { status: 303, headers: { location: path.startsWith('/') && !path.startsWith('//') ? path : '/' } });
