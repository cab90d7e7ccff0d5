using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using ProjectTracker.Domain.Whoop.Import;
using ProjectTracker.Web.Api;

namespace ProjectTracker.Web.Whoop;

/// <summary>
/// <c>POST /api/whoop/import</c>: a member's WHOOP data export (the zip the WHOOP app mails), in the multipart field
/// <c>file</c>. It needs no WHOOP settings or connection, follows the refresh endpoints' access rules and budget
/// (<see cref="Access.AccessRequests"/>), and writes all of it or nothing.
/// </summary>
public static class WhoopImportEndpoints
{
    public const string Path = "/api/whoop/import";
    public const string FileField = "file";

    public static IEndpointRouteBuilder MapWhoopImportApi(this IEndpointRouteBuilder routes)
    {
        routes.MapPost(Path, ImportAsync)
            .WithTags("WHOOP")
            // Read by hand, so it costs no antiforgery token: scripts post it; browsers' cookies are SameSite=Lax.
            .DisableAntiforgery()
            .WithMetadata(new RequestSizeLimitAttribute(WhoopExportLimits.MaxUploadBytes))
            .WithFormOptions(multipartBodyLengthLimit: WhoopExportLimits.MaxUploadBytes)
            .Accepts<IFormFile>("multipart/form-data")
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .WithName("ImportWhoopExport")
            .WithSummary("Import a WHOOP export")
            .WithDescription(
                "The zip the WHOOP app mails a member, in the multipart field `file`: cycles, recoveries, sleeps, workouts and the "
                + "journal, the whole history. Records already stored (the same start, to the minute) are skipped; WHOOP's own copy wins. "
                + "400 names the file, line and column of a bad value, and nothing is written; 413 above 64 MB, or 256 MB inflated.");
        return routes;
    }

    private static async Task<Results<Ok<WhoopImportJson>, ProblemHttpResult, ValidationProblem>> ImportAsync(
        HttpRequest request, WhoopImportService import, WhoopSyncNotifier notifier, CancellationToken ct)
    {
        if (!request.HasFormContentType)
        {
            return Problems.BadParameter(FileField, $"Send the export as multipart/form-data, the zip in the field '{FileField}'.");
        }

        try
        {
            var form = await request.ReadFormAsync(ct);
            if (form.Files.GetFile(FileField) is not { Length: > 0 } file)
            {
                return Problems.BadParameter(FileField, $"No file in the field '{FileField}': attach the zip the WHOOP app mailed.");
            }

            await using var zip = file.OpenReadStream();
            var result = await import.ImportAsync(zip, ct);
            notifier.PublishImported();
            return TypedResults.Ok(WhoopImportJson.From(result));
        }
        catch (Exception e) when (e is BadHttpRequestException { StatusCode: StatusCodes.Status413PayloadTooLarge } or InvalidDataException)
        {
            return TooLarge($"The upload is over {WhoopExportLimits.MaxUploadBytes / (1024 * 1024)} MB; a WHOOP export is far smaller.");
        }
        catch (WhoopImportException e) when (e.TooLarge)
        {
            return TooLarge(e.Message);
        }
        catch (WhoopImportException e)
        {
            return Problems.Create(StatusCodes.Status400BadRequest, "Not a WHOOP export WHOOP wrote", e.Message + " Nothing was imported.",
                new Dictionary<string, object?> { ["file"] = e.File, ["line"] = e.Line, ["column"] = e.Column });
        }
    }

    private static ProblemHttpResult TooLarge(string detail) =>
        Problems.Create(StatusCodes.Status413PayloadTooLarge, "Export too large", detail + " Nothing was imported.");
}
