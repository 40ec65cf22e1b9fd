<?xml version="1.0" encoding="UTF-8"?>
<!--
  teiscribe site module: the documents of the site collection
  (/s:site/s:doc/TEI, see site.xsl), shared by site.xsl and search-index.xsl.

    $ts:docs   the s:doc elements, oldest first (by creation/date/@when;
               undated last), then by title
    $ts:lang   language of the site pages: the first document's xml:lang, else 'en'
-->
<xsl:stylesheet version="3.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:xs="http://www.w3.org/2001/XMLSchema"
    xmlns:ts="urn:x-teiscribe:xslt"
    xmlns:s="urn:x-teiscribe:site"
    xpath-default-namespace="http://www.tei-c.org/ns/1.0"
    exclude-result-prefixes="#all">

  <xsl:variable name="ts:docs" as="element(s:doc)*">
    <xsl:perform-sort select="/s:site/s:doc">
      <xsl:sort select="(TEI/teiHeader/profileDesc/creation/date/@when, '9999')[1]"/>
      <xsl:sort select="ts:title(TEI)" lang="en"/>
    </xsl:perform-sort>
  </xsl:variable>

  <xsl:variable name="ts:lang" as="xs:string" select="string((/s:site/s:doc/TEI/@xml:lang, 'en')[1])"/>

</xsl:stylesheet>
