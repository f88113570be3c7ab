using System;
using System.Collections.Generic;
using System.Globalization;
using System.Threading;
using System.Threading.Tasks;
using ClusterlessHpc.Emulator.Errors;
using ClusterlessHpc.Emulator.Routes;
using Microsoft.AspNetCore.Http;

namespace ClusterlessHpc.Emulator.Faults
{
    /// <summary>
    /// Applies <see cref="FaultInjectionOptions"/> before a request reaches authentication or the emulator's state, so a
    /// faulted request changes nothing and a retry is always safe. Counts what it injected.
    /// </summary>
    internal sealed class FaultInjection
    {
        private readonly FaultInjectionOptions _options;
        private readonly Random _random;
        private readonly object _gate = new();
        private readonly Dictionary<FaultRule, int> _injectedByRule = new(ReferenceEqualityComparer.Instance);
        private int _injected;

        public FaultInjection(FaultInjectionOptions options)
        {
            _options = options;
            _random = new Random(options.Seed);
        }

        /// <summary>How many requests got an error status or a reset (latency alone does not count).</summary>
        public int Injected => Volatile.Read(ref _injected);

        public async Task InvokeAsync(HttpContext context, RequestDelegate next)
        {
            var request = context.Request;
            if (EmulatorControl.IsControlPath(request.Path))
            {
                await next(context).ConfigureAwait(false);
                return;
            }
            FaultRule? rule = null;
            foreach (var candidate in _options.Rules)
            {
                if (candidate.Matches(request.Method, request.Path.Value ?? "/"))
                {
                    rule = candidate;
                    break;
                }
            }
            if (rule is null)
            {
                await next(context).ConfigureAwait(false);
                return;
            }

            double latencyDraw, faultDraw;
            lock (_gate)
            {
                latencyDraw = _random.NextDouble();
                faultDraw = _random.NextDouble();
                // A spent rule draws no fault: past its budget the request goes through.
                var spent = _injectedByRule.GetValueOrDefault(rule);
                if (rule.MaxFaults is { } budget && spent >= budget) faultDraw = 1;
                else if (faultDraw < rule.TooManyRequestsRate + rule.InternalErrorRate + rule.ServerBusyRate + rule.ConnectionResetRate) _injectedByRule[rule] = spent + 1;
            }
            if (latencyDraw < rule.LatencyRate) await Task.Delay(rule.Latency, context.RequestAborted).ConfigureAwait(false);

            var threshold = rule.TooManyRequestsRate;
            if (faultDraw < threshold)
            {
                Count();
                throw WithRetryAfter(context, rule, BatchErrors.TooManyRequests());
            }
            threshold += rule.InternalErrorRate;
            if (faultDraw < threshold)
            {
                Count();
                throw BatchErrors.InternalError();
            }
            threshold += rule.ServerBusyRate;
            if (faultDraw < threshold)
            {
                Count();
                throw WithRetryAfter(context, rule, BatchErrors.ServerBusy());
            }
            threshold += rule.ConnectionResetRate;
            if (faultDraw < threshold)
            {
                Count();
                context.Abort();
                return;
            }
            await next(context).ConfigureAwait(false);
        }

        private void Count() => Interlocked.Increment(ref _injected);

        private static EmulatorException WithRetryAfter(HttpContext context, FaultRule rule, EmulatorException error)
        {
            var seconds = (long)Math.Ceiling(rule.RetryAfter.TotalSeconds);
            context.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
            return error;
        }
    }
}
