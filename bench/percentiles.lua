-- Loaded by bench/lib.sh into every wrk run: wrk's --latency prints the 50/75/90/99th
-- percentiles; the targets also name the 95th, printed here in the same unit as wrk's summary.
done = function(summary, latency, requests)
    io.write(string.format("p95 latency: %.2fms\n", latency:percentile(95) / 1000))
end
