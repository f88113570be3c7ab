namespace ClusterlessHpc.Simulation.Tests.WhatIf
{
    /// <summary>Workloads: each CSV and JSON form, each generator, and each kind of bad input named with its place and value.</summary>
    public sealed class SimulationWorkloadTests
    {
        private static readonly DateTimeOffset Midnight = AutoScaleSimulation.DefaultPoolCreated;

        private static IReadOnlyList<SimulationTask> Tasks(SimulationWorkload workload, TimeSpan? span = null) =>
            workload.TasksFor(Midnight, span ?? TimeSpan.FromHours(24));

        private static SimulationTask At(double arrival, double duration, int slots = 1) =>
            new(TimeSpan.FromSeconds(arrival), TimeSpan.FromSeconds(duration), slots);

        [Fact]
        public void A_task_csv_gives_one_task_a_row_sorted_by_arrival_with_slots_defaulting_to_one()
        {
            var withSlots = SimulationWorkload.Read("arrival_s,duration_s,slots\n# a comment\n60,30.5,2\n0,600,1\n\n", "w.csv");
            Assert.Equal([At(0, 600), At(60, 30.5, 2)], Tasks(withSlots));
            var withoutSlots = SimulationWorkload.Read("arrival_s, duration_s\r\n10, 20\r\n", "w.csv");
            Assert.Equal([At(10, 20)], Tasks(withoutSlots));
        }

        [Fact]
        public void A_count_csv_submits_each_rows_tasks_at_the_start_of_its_minute_with_the_task_duration()
        {
            var workload = SimulationWorkload.Read("minute,count\n2,1\n0,2\n5,0\n", "counts.csv", TimeSpan.FromMinutes(3));
            Assert.Equal([At(0, 180), At(0, 180), At(120, 180)], Tasks(workload));
        }

        [Fact]
        public void Json_takes_both_forms()
        {
            var tasks = SimulationWorkload.Read("""[ {"arrival_s": 5, "duration_s": 60, "slots": 2}, {"arrival_s": 0, "duration_s": 1} ]""", "w.json");
            Assert.Equal([At(0, 1), At(5, 60, 2)], Tasks(tasks));
            var counts = SimulationWorkload.Read("""[ {"minute": 1, "count": 2} ]""", "w.json");
            Assert.Equal([At(60, 600), At(60, 600)], Tasks(counts));
        }

        [Fact]
        public void Load_reads_a_file_and_parse_takes_a_path()
        {
            var path = Path.Combine(Path.GetTempPath(), "chpc-workload-" + Guid.NewGuid().ToString("N") + ".csv");
            File.WriteAllText(path, "arrival_s,duration_s\n1,2\n");
            try
            {
                Assert.Equal([At(1, 2)], Tasks(SimulationWorkload.Parse(path)));
                Assert.Equal(path, SimulationWorkload.Load(path).Description);
            }
            finally
            {
                File.Delete(path);
            }
        }

        [Fact]
        public void Burst_submits_every_task_at_creation()
        {
            Assert.Equal([At(0, 600), At(0, 600), At(0, 600)], Tasks(SimulationWorkload.Parse("burst:3")));
            Assert.Equal([At(0, 60)], Tasks(SimulationWorkload.Burst(1, TimeSpan.FromMinutes(1))));
        }

        [Fact]
        public void Steady_spaces_its_tasks_evenly_up_to_the_end_of_the_span()
        {
            // 2 a minute: every 30 s, the first at 0; in 2 minutes 0, 30, 60 and 90 s (120 s is the end, not in it).
            Assert.Equal([At(0, 600), At(30, 600), At(60, 600), At(90, 600)], Tasks(SimulationWorkload.Parse("steady:2"), TimeSpan.FromMinutes(2)));
            // Half a task a minute: every 120 s.
            Assert.Equal([At(0, 600), At(120, 600), At(240, 600)], Tasks(SimulationWorkload.Steady(0.5), TimeSpan.FromMinutes(5)));
        }

        [Fact]
        public void Diurnal_peaks_at_14_utc_and_gives_half_the_peak_rate_on_average()
        {
            var tasks = Tasks(SimulationWorkload.Parse("diurnal:2"));
            // The rate 2 (1 + cos(2π (h − 14) / 24)) / 2 averages 1 a minute over a day (the cosine's integral over its
            // period is 0): N(1440) = 1440 exactly.
            Assert.Equal(1440, tasks.Count);
            int InHour(int hour) => tasks.Count(t => t.Arrival >= TimeSpan.FromHours(hour) && t.Arrival < TimeSpan.FromHours(hour + 1));
            // Around 14:00 the rate is within 2 % of 2 a minute: 14:00–15:00 holds ∫ 2 (1 + cos(2π x / 24)) / 2 dx over
            // x in [0, 1] h = 60 + 60 · 24/(2π) · sin(2π/24) ≈ 119.1, and around 02:00 almost none (60 − 59.1 ≈ 0.9).
            Assert.InRange(InHour(14), 118, 120);
            Assert.InRange(InHour(2), 0, 2);
            Assert.True(InHour(13) > InHour(8) && InHour(8) > InHour(4));
            Assert.All(tasks, t => Assert.Equal(TimeSpan.FromMinutes(10), t.Duration));
        }

        [Fact]
        public void Diurnal_follows_the_clock_of_the_pools_creation()
        {
            var workload = SimulationWorkload.Parse("diurnal:2");
            // Created at 14:00, the first hour is the peak hour.
            var atPeak = workload.TasksFor(Midnight.AddHours(14), TimeSpan.FromHours(1));
            Assert.InRange(atPeak.Count, 118, 120);
        }

        [Theory]
        [InlineData("arrival,duration\n0,1\n", "w.csv(1): the header 'arrival,duration' must be")]
        [InlineData("arrival_s,duration_s\n0,1\n-5,1\n", "w.csv(3): arrival_s '-5' must be a number of seconds from 0 up")]
        [InlineData("arrival_s,duration_s\n0,abc\n", "w.csv(2): duration_s 'abc' must be a number of seconds more than 0")]
        [InlineData("arrival_s,duration_s\n0,0\n", "w.csv(2): duration_s '0' must be")]
        [InlineData("arrival_s,duration_s,slots\n0,1,0\n", "w.csv(2): slots '0' must be a whole number of task slots from 1 up")]
        [InlineData("arrival_s,duration_s\n0,1,3\n", "w.csv(2): '0,1,3' has 3 values; the header has 2")]
        [InlineData("minute,count\n1.5,2\n", "w.csv(2): minute '1.5' must be a whole number of minutes")]
        [InlineData("minute,count\n1,-2\n", "w.csv(2): count '-2' must be a whole number of tasks")]
        [InlineData("# only a comment\n", "w.csv: is empty")]
        public void Bad_csv_names_the_file_line_and_value(string text, string message)
        {
            var error = Assert.Throws<SimulationWorkloadException>(() => SimulationWorkload.Read(text, "w.csv"));
            Assert.StartsWith(message, error.Message);
            Assert.Equal("w.csv", error.Source);
        }

        [Theory]
        [InlineData("""{"arrival_s": 0}""", "w.json: must be a JSON array")]
        [InlineData("""[ {"arrival_s": 0} ]""", "w.json: [0] has no 'duration_s'")]
        [InlineData("""[ {"arrival_s": 0, "duration_s": "10"} ]""", "w.json: [0].duration_s must be a number, not \"10\"")]
        [InlineData("""[ {"arrival_s": 0, "duration_s": 1}, {"arrival_s": 0, "duration_s": -1} ]""", "w.json: [1].duration_s '-1' must be")]
        [InlineData("""[ {"arrival_s": 0, "duration_s": 1}, {"minute": 0, "count": 1} ]""", "w.json: [1] mixes the two forms")]
        [InlineData("""[ {"arrival_s": 0, "duration_s": 1, "cores": 4} ]""", "w.json: [0].cores is not a workload property")]
        [InlineData("""[ 3 ]""", "w.json: [0] must be an object, not number")]
        [InlineData("[\n {\"arrival_s\": 0,,}\n]", "w.json(2): is not valid JSON")]
        public void Bad_json_names_the_file_element_and_value(string text, string message)
        {
            var error = Assert.Throws<SimulationWorkloadException>(() => SimulationWorkload.Read(text, "w.json"));
            Assert.StartsWith(message, error.Message);
        }

        [Theory]
        [InlineData("burst:x", "burst:x: 'x' must be a whole number of tasks")]
        [InlineData("burst:-1", "burst:-1: '-1' must be a whole number of tasks")]
        [InlineData("steady:0", "steady:0: '0' must be a number of tasks a minute, more than 0")]
        [InlineData("diurnal:-2", "diurnal:-2: '-2' must be a number of tasks a minute at the 14:00 UTC peak")]
        public void A_bad_generator_value_is_named(string spec, string message)
        {
            var error = Assert.Throws<SimulationWorkloadException>(() => SimulationWorkload.Parse(spec));
            Assert.StartsWith(message, error.Message);
        }

        [Fact]
        public void A_missing_file_is_named()
        {
            var path = Path.Combine(Path.GetTempPath(), "no-such-workload-" + Guid.NewGuid().ToString("N") + ".csv");
            var error = Assert.Throws<SimulationWorkloadException>(() => SimulationWorkload.Parse(path));
            Assert.StartsWith(path + ": cannot be read", error.Message);
        }

        [Fact]
        public void A_bad_task_duration_is_named()
        {
            var error = Assert.Throws<SimulationWorkloadException>(() => SimulationWorkload.Parse("burst:1", TimeSpan.Zero));
            Assert.Contains("the task duration 00:00:00 must be more than 0", error.Message);
        }
    }
}
