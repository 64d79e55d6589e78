using BusinessManager.Server.Infrastructure;

namespace BusinessManager.Server.WebConsole.Pages.Business;

/// <summary>Reads every page of a paged list by following the API's cursors (members for a select, say).</summary>
public static class AllPages
{
    /// <summary>The whole list, or the first refusal.</summary>
    public static async Task<ApiResult<List<T>>> ReadAsync<T>(ConsoleApi api, string path)
    {
        var all = new List<T>();
        string? cursor = null;
        do
        {
            var page = await api.GetAsync<Page<T>>(path + (path.Contains('?') ? "&" : "?") + "limit=" + Paging.MaxLimit
                + (cursor is null ? "" : "&cursor=" + Uri.EscapeDataString(cursor)));
            if (!page.IsOk)
            {
                return new ApiResult<List<T>>(null, page.Problem);
            }

            all.AddRange(page.Value!.Items);
            cursor = page.Value.NextCursor;
        }
        while (cursor is not null);

        return new ApiResult<List<T>>(all, null);
    }
}
