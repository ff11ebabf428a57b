// PrintSuccessRate.cs — the C# binding in a few lines: import the Yangxin 2022
// sample data into an in-memory database and print the zone's mediation
// success rate for 2022, the figure its annual report quotes (98.5%).
//
// Usage: mono PrintSuccessRate.exe path/to/examples/yangxin-2022
//
// The files named in import_order.txt are imported in that order; a name whose
// file does not exist (yet) is skipped.
using System;
using System.Globalization;
using System.IO;
using System.Text;
using Fazhi;

internal static class PrintSuccessRate
{
    private static int Main(string[] args)
    {
        Console.OutputEncoding = new UTF8Encoding(false);
        if (args.Length != 1)
        {
            Console.Error.WriteLine("usage: PrintSuccessRate.exe SAMPLE_DIR   (e.g. examples/yangxin-2022)");
            return 2;
        }
        string dir = args[0];
        try
        {
            using (var db = new Database(Database.InMemory))
            {
                foreach (string line in File.ReadAllLines(Path.Combine(dir, "import_order.txt"), Encoding.UTF8))
                {
                    string name = line.Trim();
                    if (name.Length == 0 || name.StartsWith("#", StringComparison.Ordinal)) continue;
                    string path = Path.Combine(dir, name);
                    if (!File.Exists(path))
                    {
                        Console.WriteLine(name + ": not there yet, skipped");
                        continue;
                    }
                    // The summary is JSON: {"read": n, "inserted": n, ..., "rejected": n, "errors": [...]}
                    string summary = db.ImportFile(path);
                    Console.WriteLine(name + ": " + summary);
                }

                IndicatorValue rate = db.Indicator("mediation.success_rate", "yx-kfq", "2022");
                if (!rate.HasData)
                {
                    Console.WriteLine("调解成功率 无数据 (no mediation case concluded in 2022)");
                    return 1;
                }
                CultureInfo c = CultureInfo.InvariantCulture;
                Console.WriteLine("调解成功率 " + rate.Value.ToString("0.0", c) + "% (" +
                                  rate.Numerator.ToString("0", c) + "/" + rate.Denominator.ToString("0", c) + ")");
                return 0;
            }
        }
        catch (FazhiLibraryNotFoundException e)
        {
            // Where libfazhi.so was looked for and what to set (LD_LIBRARY_PATH).
            Console.Error.WriteLine("error: " + e.Message);
            return 2;
        }
        catch (FazhiException e)
        {
            Console.Error.WriteLine("error: " + e.Status + ": " + e.Message);
            return 1;
        }
        catch (IOException e)
        {
            Console.Error.WriteLine("error: " + e.Message);
            return 1;
        }
    }
}
