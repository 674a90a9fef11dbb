namespace FreeGpuPortal.Web.Backups;

/// <summary>A backup or restore refused, with a message meant for the operator as it is.</summary>
public sealed class BackupException(string message, Exception? inner = null) : Exception(message, inner);
