'use client';

import { useEffect, useRef } from 'react';

/**
 * Makes the form it sits in apply as soon as a choice changes (a select, a checkbox), so a filter needs no Apply
 * button; requestSubmit keeps next/form's client-side navigation and the browser's own validation.
 */
export function SubmitOnChange() {
  const marker = useRef<HTMLSpanElement>(null);
  useEffect(() => {
    const form = marker.current?.closest('form');
    if (!form) return;
    const submit = (event: Event) => {
      if (event.target instanceof HTMLSelectElement || (event.target instanceof HTMLInputElement && event.target.type === 'checkbox')) form.requestSubmit();
    };
    form.addEventListener('change', submit);
    return () => form.removeEventListener('change', submit);
  }, []);
  return <span ref={marker} hidden />;
}
