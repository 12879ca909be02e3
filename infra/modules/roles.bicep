// Role assignments (Azure RBAC). Built-in role definition ids (the same in every tenant):
//   Storage Blob Data Owner         b7e6dc6d-f1e8-4753-8033-0f276bb0955b
//   Storage Blob Data Contributor   ba92f5b4-2d11-453d-a403-e96b0029c9fe
//   Storage Queue Data Contributor  974c5e8b-45b9-4653-ba55-5f855dd0fb88
//   Storage Table Data Contributor  0a9a7e1f-b9d0-4cc4-a60d-0319b160aaa3
//   Monitoring Metrics Publisher    3913510d-42f4-4e42-8a64-420c390055eb
//
// The function app's identity on the data account:
//   * Storage Blob Data Owner: what the Functions host needs for identity-based AzureWebJobsStorage (timer
//     leases, function keys in azure-webjobs-secrets, creating its containers); it also covers the app's own
//     reads and writes in the `data` container.
//   * Storage Queue Data Contributor: the RunStep queue trigger (read, update visibility, delete), its `next`
//     output binding, the host moving a failed message to ingest-steps-poison, and the app enqueueing the
//     first step of a manual run. It includes what the narrower Message Processor / Message Sender roles give.
//   * Storage Table Data Contributor: the host persists its diagnostic events in table storage; without it the
//     host only logs warnings. Cheap, scoped to this account.
//   * NOT Storage Account Contributor: the Functions docs ask for it only when a *blob trigger* uses the
//     AzureWebJobsStorage connection; this app has no blob trigger, and the role could list account keys.
// On Application Insights: Monitoring Metrics Publisher, for Entra-authenticated telemetry (local auth is off).
// The person running azd (optional): Blob and Queue Data Contributor on the data account, to upload sources.

param dataAccountName string
param appInsightsName string
param identityPrincipalId string
param userPrincipalId string = ''
@allowed([
  'User'
  'ServicePrincipal'
  'Group'
])
param userPrincipalType string = 'User'

var roleIds = {
  storageBlobDataOwner: 'b7e6dc6d-f1e8-4753-8033-0f276bb0955b'
  storageBlobDataContributor: 'ba92f5b4-2d11-453d-a403-e96b0029c9fe'
  storageQueueDataContributor: '974c5e8b-45b9-4653-ba55-5f855dd0fb88'
  storageTableDataContributor: '0a9a7e1f-b9d0-4cc4-a60d-0319b160aaa3'
  monitoringMetricsPublisher: '3913510d-42f4-4e42-8a64-420c390055eb'
}

var appDataRoles = [
  roleIds.storageBlobDataOwner
  roleIds.storageQueueDataContributor
  roleIds.storageTableDataContributor
]

var userDataRoles = [
  roleIds.storageBlobDataContributor
  roleIds.storageQueueDataContributor
]

resource dataAccount 'Microsoft.Storage/storageAccounts@2023-05-01' existing = {
  name: dataAccountName
}

resource appInsights 'Microsoft.Insights/components@2020-02-02' existing = {
  name: appInsightsName
}

resource appDataAssignments 'Microsoft.Authorization/roleAssignments@2022-04-01' = [
  for roleId in appDataRoles: {
    name: guid(dataAccount.id, identityPrincipalId, roleId)
    scope: dataAccount
    properties: {
      roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', roleId)
      principalId: identityPrincipalId
      principalType: 'ServicePrincipal'
    }
  }
]

resource appTelemetryAssignment 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(appInsights.id, identityPrincipalId, roleIds.monitoringMetricsPublisher)
  scope: appInsights
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', roleIds.monitoringMetricsPublisher)
    principalId: identityPrincipalId
    principalType: 'ServicePrincipal'
  }
}

resource userDataAssignments 'Microsoft.Authorization/roleAssignments@2022-04-01' = [
  for roleId in userDataRoles: if (!empty(userPrincipalId)) {
    name: guid(dataAccount.id, userPrincipalId, roleId)
    scope: dataAccount
    properties: {
      roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', roleId)
      principalId: userPrincipalId
      principalType: userPrincipalType
    }
  }
]
