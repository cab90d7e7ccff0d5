using System.Text;
using Microsoft.AspNetCore.Http;

namespace ProjectTracker.Simulators.Faults;

/// <summary>The wire side of the faults both simulators share.</summary>
public static class FaultResponses
{
    /// <summary>
    /// Waits out a <see cref="FaultKind.Delay"/> on the simulator's clock (a test's fake one, which the test advances once
    /// <see cref="FaultPlan.Held"/> says the request is held); false when the client gave up first.
    /// </summary>
    public static async Task<bool> DelayAsync(HttpContext http, Fault fault, FaultPlan plan, TimeProvider time)
    {
        try
        {
            var wait = Task.Delay(fault.Delay, time, http.RequestAborted);
            plan.OnHeld(http.Request.Path.Value ?? "/");
            await wait;
            return true;
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    public static bool CorruptsBody(this Fault fault) => fault.Kind is FaultKind.MalformedJson or FaultKind.TruncatedBody;

    /// <summary>Writes <paramref name="json"/> (the real answer) as 200, broken as <paramref name="fault"/> says.</summary>
    public static async Task WriteCorruptedAsync(HttpContext http, Fault fault, string json)
    {
        var bytes = Encoding.UTF8.GetBytes(json.Length > 1 ? json : "{}");
        var half = bytes.AsMemory(0, bytes.Length / 2);
        var response = http.Response;
        response.StatusCode = 200;
        response.ContentType = "application/json; charset=utf-8";
        if (fault.Kind == FaultKind.MalformedJson)
        {
            response.ContentLength = half.Length;
            await response.Body.WriteAsync(half);
            return;
        }

        response.ContentLength = bytes.Length;
        await response.Body.WriteAsync(half);
        await response.Body.FlushAsync();
        http.Abort(); // the rest never comes
    }
}
