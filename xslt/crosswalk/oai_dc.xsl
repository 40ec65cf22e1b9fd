<?xml version="1.0" encoding="UTF-8"?>
<!--
  teiscribe crosswalk: teiHeader -> Dublin Core as an OAI-PMH oai_dc record.

  Input : a TEI P5 document written by teiscribe.
  Output: one oai_dc:dc element (OAI-PMH 2.0, schema
          http://www.openarchives.org/OAI/2.0/oai_dc.xsd) holding the fifteen
          DCMI Metadata Terms elements of the /elements/1.1/ namespace that
          the header can fill; an element with no value in the header is left
          out, never guessed. Field by field: docs/deposit.md.
-->
<xsl:stylesheet version="3.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:xs="http://www.w3.org/2001/XMLSchema"
    xmlns:cw="urn:x-teiscribe:crosswalk"
    xmlns:oai_dc="http://www.openarchives.org/OAI/2.0/oai_dc/"
    xmlns:dc="http://purl.org/dc/elements/1.1/"
    xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
    xpath-default-namespace="http://www.tei-c.org/ns/1.0"
    exclude-result-prefixes="xs cw">

  <xsl:include href="common.xsl"/>

  <xsl:output method="xml" encoding="UTF-8" indent="yes"/>

  <xsl:template match="/">
    <xsl:variable name="doc" select="."/>
    <xsl:variable name="creators" select="cw:creators($doc)"/>
    <oai_dc:dc xsi:schemaLocation="http://www.openarchives.org/OAI/2.0/oai_dc/ http://www.openarchives.org/OAI/2.0/oai_dc.xsd">
      <xsl:for-each select="cw:title($doc), cw:other-titles($doc) ! normalize-space()">
        <dc:title><xsl:value-of select="."/></dc:title>
      </xsl:for-each>
      <xsl:for-each select="$creators">
        <dc:creator><xsl:value-of select="cw:name(.)"/></dc:creator>
      </xsl:for-each>
      <xsl:for-each select="cw:keywords($doc)">
        <dc:subject><xsl:value-of select="."/></dc:subject>
      </xsl:for-each>
      <xsl:for-each select="cw:abstracts($doc)">
        <dc:description><xsl:value-of select="."/></dc:description>
      </xsl:for-each>
      <xsl:for-each select="cw:publisher($doc)">
        <dc:publisher><xsl:value-of select="."/></dc:publisher>
      </xsl:for-each>
      <xsl:for-each select="cw:names(cw:resp-stmts($doc)) except $creators">
        <dc:contributor><xsl:value-of select="cw:name(.)"/></dc:contributor>
      </xsl:for-each>
      <xsl:for-each select="cw:date($doc), cw:issued($doc)">
        <dc:date><xsl:value-of select="."/></dc:date>
      </xsl:for-each>
      <dc:type>Text</dc:type>
      <dc:format>application/tei+xml</dc:format>
      <xsl:variable name="idnos" select="cw:header($doc)/fileDesc/publicationStmt/idno[normalize-space()]"/>
      <xsl:for-each select="cw:pids($doc), $idnos except cw:pids($doc)">
        <dc:identifier>
          <xsl:value-of select="if (lower-case(@type) = 'doi') then cw:doi-uri(.) else normalize-space()"/>
        </dc:identifier>
      </xsl:for-each>
      <xsl:for-each select="cw:sources($doc)">
        <dc:source><xsl:value-of select="."/></dc:source>
      </xsl:for-each>
      <xsl:for-each select="cw:languages($doc)">
        <dc:language><xsl:value-of select="."/></dc:language>
      </xsl:for-each>
      <xsl:for-each select="cw:licences($doc)">
        <xsl:for-each select="distinct-values((@target[normalize-space()], normalize-space(.)[.]))">
          <dc:rights><xsl:value-of select="."/></dc:rights>
        </xsl:for-each>
      </xsl:for-each>
    </oai_dc:dc>
  </xsl:template>
</xsl:stylesheet>
