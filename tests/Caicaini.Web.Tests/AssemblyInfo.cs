// Each browser test class starts its own Host and Chromium; on 2 cores, with the other test projects
// running beside them, running the classes one at a time keeps page timings far from the timeouts.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
