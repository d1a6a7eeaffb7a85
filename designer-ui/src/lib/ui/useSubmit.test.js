import { act, renderHook } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { useSubmit } from './useSubmit.js';

describe('useSubmit', () => {
  it('is busy while the action runs and not after', async () => {
    const { result } = renderHook(() => useSubmit());
    let finish;
    let running;
    act(() => {
      running = result.current.run(() => new Promise((resolve) => { finish = resolve; }));
    });
    expect(result.current.busy).toBe(true);
    await act(async () => {
      finish();
      await running;
    });
    expect(result.current.busy).toBe(false);
    expect(result.current.error).toBeNull();
  });

  it('keeps a failure for the form, calls onError first, and clears it when the next run starts', async () => {
    const { result } = renderHook(() => useSubmit());
    const failure = new Error('refused');
    const onError = vi.fn();
    await act(() => result.current.run(() => Promise.reject(failure), onError));
    expect(onError).toHaveBeenCalledWith(failure);
    expect(result.current.error).toBe(failure);
    expect(result.current.busy).toBe(false);

    let finish;
    let running;
    act(() => {
      running = result.current.run(() => new Promise((resolve) => { finish = resolve; }));
    });
    expect(result.current.error).toBeNull();
    await act(async () => {
      finish();
      await running;
    });
  });
});
