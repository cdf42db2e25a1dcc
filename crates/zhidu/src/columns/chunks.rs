//! Long columns cut into chunks, run on up to a given number of threads.

/// Below this many rows a column is computed on the calling thread: spawning costs more.
pub const PARALLEL_MIN_ROWS: usize = 50_000;

/// Run `f` over aligned chunks of `n` rows on up to `threads` threads (scoped: nothing
/// outlives the call; one thread, as in WebAssembly, spawns nothing); `f` gets the first
/// row's index and the chunk's row count. No chunk is longer than [`crate::MAX_BATCH`], so a
/// column of any length is answered however few threads there are.
pub(crate) fn chunked<T: Send>(
    n: usize,
    threads: usize,
    f: impl Fn(usize, usize) -> T + Sync,
) -> Vec<T> {
    let threads = threads.max(1);
    let parallel = threads > 1 && n >= PARALLEL_MIN_ROWS;
    let size = if parallel { n.div_ceil(threads) } else { n }.clamp(1, crate::MAX_BATCH);
    if size >= n {
        return vec![f(0, n)];
    }
    if !parallel {
        return (0..n)
            .step_by(size)
            .map(|first| f(first, size.min(n - first)))
            .collect();
    }
    std::thread::scope(|scope| {
        let handles: Vec<_> = (0..n)
            .step_by(size)
            .map(|first| {
                let f = &f;
                scope.spawn(move || f(first, size.min(n - first)))
            })
            .collect();
        // A worker that panicked (it cannot: the core does not panic) yields nothing; its
        // rows then have no result and the caller's length check catches it.
        handles.into_iter().filter_map(|h| h.join().ok()).collect()
    })
}

#[cfg(test)]
mod tests {
    #[test]
    fn chunks_cover_every_row_once_in_order() {
        for threads in [1, 3] {
            let parts = super::chunked(120_001, threads, |first, len| (first, len));
            let mut next = 0;
            for (first, len) in parts {
                assert_eq!(first, next);
                next += len;
            }
            assert_eq!(next, 120_001);
        }
    }
}
